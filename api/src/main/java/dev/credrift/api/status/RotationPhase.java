package dev.credrift.api.status;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.credrift.api.WireEnum;

/** Where a binding's managed rotation is ({@code status.rotation.phase}); one per rotation step, then how it ended. */
public enum RotationPhase implements WireEnum {
    MINTING("Minting", true),
    PROBING_NEW("ProbingNew", true),
    WRITING_VAULT("WritingVault", true),
    SYNCING("Syncing", true),
    AWAITING_REPLICA("AwaitingReplica", true),
    ROLLING("Rolling", true),
    PROVING("Proving", true),
    WAITING_TO_REVOKE("WaitingToRevoke", true),
    REVOKING("Revoking", true),
    PROVING_REVOKED("ProvingRevoked", true),
    COMPLETED("Completed", false),
    FAILED("Failed", false),
    HALTED("Halted", false),
    /** {@code mode: Observe}: the plan was published, nothing was changed. */
    OBSERVED("Observed", false),
    /** credrift cannot rotate this binding's keys; the message says why and what to do. */
    REFUSED("Refused", false),
    UNRECOGNIZED(null, false);

    private final String wireName;
    private final boolean open;

    RotationPhase(String wireName, boolean open) {
        this.wireName = wireName;
        this.open = open;
    }

    /** Whether a rotation in this phase is still under way (the {@code Rotating} condition is {@code True}). */
    public boolean open() {
        return open;
    }

    @JsonValue
    @Override
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static RotationPhase fromWire(String text) {
        return WireEnum.fromWire(RotationPhase.class, text, UNRECOGNIZED);
    }
}
