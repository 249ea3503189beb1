package dev.credrift.notifier.report;

/** The kinds of report, one Slack layout each. */
public enum ReportKind {
    /** A remediation ended well: every hop holds the authority's credential. */
    REMEDIATION_SUCCEEDED,
    /** A remediation failed. */
    REMEDIATION_FAILED,
    /** The binding is halted: no more automatic actions until a human clears it. */
    REMEDIATION_HALTED,
    /**
     * Drift credrift will not heal by itself (authority rejected, endpoint untrusted, identity rejected, unsyncable),
     * or a state that leaves consumers broken (an unreadable hop, a paused consumer).
     */
    ALERT,
    /** Drift found with the binding in {@code mode: Observe}: the plan, not carried out. */
    DRY_RUN,
    /** A drifted binding is in sync again without a remediation of ours. */
    BACK_IN_SYNC,
    /** A managed rotation started (or, in observe mode, was planned and published). */
    ROTATION_STARTED,
    /** A managed rotation completed: every hop and consumer on the new key, the old key revoked. */
    ROTATION_COMPLETED,
    /** A managed rotation failed or halted; says whether the old key is still valid. */
    ROTATION_FAILED,
    /** {@code credrift notify test}: a sample message to check a sink. */
    TEST
}
