package dev.credrift.reconciler.step;

import dev.credrift.events.payload.StepKind;
import dev.credrift.reconciler.plan.Action;
import dev.credrift.reconciler.report.SafeText;
import dev.credrift.reconciler.resilience.Transient;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;

/**
 * The step for each action, each built with only what it uses; and the failed outcome for an unexpected failure.
 * One per reconciler.
 */
public final class Steps {

    private final Exec exec;
    private final ClusterPorts cluster;
    private final StoreChecks store;
    private final VaultPorts vault;
    private final RolloutPolicy rollout;
    private final AuthorityGate gate;
    private final CoReads coReads;

    public Steps(Exec exec, ClusterPorts cluster, StoreChecks store, VaultPorts vault, RolloutPolicy rollout) {
        this.exec = exec;
        this.cluster = cluster;
        this.store = store;
        this.vault = vault;
        this.rollout = rollout;
        this.gate = new AuthorityGate(exec, cluster.reader(), store);
        this.coReads = new CoReads(exec, cluster, store, rollout.freshness());
    }

    public Step of(Action action) {
        StepKind kind = action.kind();
        return switch (kind) {
            case PROBE_STORE -> new ProbeAuthorityStep(exec, store.probe());
            case WRITE_VAULT -> writeVault();
            case FORCE_SYNC -> new ForceSyncStep(exec, cluster);
            case AWAIT_REPLICA ->
                new AwaitReplicaStep(exec, cluster.reader(), store.fingerprinter(), rollout.timings(), gate);
            case ROLL_OUT ->
                new RollOutStep(((Action.RollOut) action).workload(), exec, cluster, rollout, gate, coReads);
            case AWAIT_READY ->
                new AwaitReadyStep(action.workloads(), exec, cluster, store.probe(), rollout.timings(), gate, coReads);
            case CREATE_STORE_ACCOUNT -> new CreateStoreAccountStep(exec, cluster.kube(), store.probe());
        };
    }

    /** Writing the vault, the one step a rotation runs too. */
    public Step writeVault() {
        return new WriteVaultStep(exec, vault);
    }

    /** Which other credentials a consumer workload reads, for the handler's look at shared consumers. */
    public CoReads coReads() {
        return coReads;
    }

    /** The fresh look at the authority before a point of no return. */
    AuthorityGate gate() {
        return gate;
    }

    /** A failure as a failed step: a safe description, retryable when transient for any of our systems. */
    public static StepOutcome.Failed failed(Throwable failure) {
        boolean retryable = Transient.kubernetes(failure)
                || Transient.onePassword(failure)
                || Transient.store(failure)
                || Transient.storeAdmin(failure)
                || Transient.unwrap(failure) instanceof CallNotPermittedException;
        return new StepOutcome.Failed(SafeText.code(failure), SafeText.of(failure), retryable);
    }
}
