package dev.credrift.reconciler.step;

import dev.credrift.events.payload.StepKind;
import dev.credrift.reconciler.plan.Action;
import dev.credrift.reconciler.report.SafeText;
import dev.credrift.reconciler.resilience.Transient;

/** The step for each action, and the failed outcome for an unexpected failure. */
public final class Steps {

    private Steps() {}

    public static Step of(Action action) {
        StepKind kind = action.kind();
        return switch (kind) {
            case PROBE_STORE -> new ProbeAuthorityStep();
            case WRITE_VAULT -> new WriteVaultStep();
            case FORCE_SYNC -> new ForceSyncStep();
            case AWAIT_REPLICA -> new AwaitReplicaStep();
            case ROLL_OUT -> new RollOutStep(((Action.RollOut) action).workload());
            case AWAIT_READY -> new AwaitReadyStep(action.workloads());
            case CREATE_STORE_ACCOUNT -> new CreateStoreAccountStep();
        };
    }

    /** A failure as a failed step: a safe description, retryable when transient for any of our systems. */
    public static StepOutcome.Failed failed(Throwable failure) {
        boolean retryable = Transient.kubernetes(failure)
                || Transient.onePassword(failure)
                || Transient.store(failure)
                || Transient.storeAdmin(failure)
                || Transient.unwrap(failure) instanceof io.github.resilience4j.circuitbreaker.CallNotPermittedException;
        return new StepOutcome.Failed(SafeText.code(failure), SafeText.of(failure), retryable);
    }
}
