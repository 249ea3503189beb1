package dev.credrift.reconciler.step;

import dev.credrift.reconciler.probe.ProbeVerdict;
import dev.credrift.reconciler.probe.StoreProbe;
import io.vertx.core.Future;

/**
 * Verify before write (invariant 2): the store must accept the authority's credential now, within this
 * remediation, before anything is written or rolled.
 */
public final class ProbeAuthorityStep implements Step {

    private final Exec exec;
    private final StoreProbe probe;

    ProbeAuthorityStep(Exec exec, StoreProbe probe) {
        this.exec = exec;
        this.probe = probe;
    }

    @Override
    public Future<StepOutcome> run(StepContext c) {
        return exec.guards()
                .store()
                .call(exec.context(), c.session().log(), () -> probe.probe(c.target(), c.authority()))
                .map(verdict -> {
                    String who = c.authority().maskedAccessKeyId() + " (" + c.authorityFingerprint() + ")";
                    if (verdict instanceof ProbeVerdict.Accepted) {
                        return new StepOutcome.Done("the store accepted the authority's credential " + who
                                + (verdict.tlsUnverified() ? "; " + ProbeVerdict.TLS_UNVERIFIED_WARNING : ""));
                    }
                    boolean retryable = verdict instanceof ProbeVerdict.Unreachable;
                    return new StepOutcome.Failed(
                            "AUTHORITY_NOT_VERIFIED",
                            "the store did not accept the authority's" + " credential " + who + ": " + verdict
                                    + "; nothing is written",
                            retryable);
                });
    }
}
