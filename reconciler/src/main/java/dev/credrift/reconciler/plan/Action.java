package dev.credrift.reconciler.plan;

import dev.credrift.events.payload.PlannedStep;
import dev.credrift.events.payload.StepKind;
import dev.credrift.reconciler.world.WorkloadRef;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** One step of a plan: what it does and what it acts on. */
public sealed interface Action
        permits Action.ProbeAuthority,
                Action.WriteVault,
                Action.ForceSync,
                Action.AwaitReplica,
                Action.RollOut,
                Action.AwaitReady,
                Action.CreateStoreAccount {

    StepKind kind();

    /** What it acts on, for humans, e.g. {@code StatefulSet monitoring/loki}. */
    String target();

    /** The workloads it acts on (roll and await-ready steps only). */
    default List<WorkloadRef> workloads() {
        return List.of();
    }

    default PlannedStep planned() {
        return new PlannedStep(kind(), target());
    }

    /** Probe the store with the authority's credential: nothing is written unless it passes. */
    record ProbeAuthority(String target) implements Action {
        @Override
        public StepKind kind() {
            return StepKind.PROBE_STORE;
        }
    }

    /** Write the authority's credential into the vault item, then read it back. */
    record WriteVault(String target) implements Action {
        @Override
        public StepKind kind() {
            return StepKind.WRITE_VAULT;
        }
    }

    /**
     * Create the MinIO service account with exactly the vault's keys (story 2), unless MinIO lists it already. The
     * target names the MinIO endpoint and the masked access key.
     */
    record CreateStoreAccount(String target) implements Action {
        @Override
        public StepKind kind() {
            return StepKind.CREATE_STORE_ACCOUNT;
        }
    }

    /** Annotate the ExternalSecret {@code force-sync=<epoch seconds>}. */
    record ForceSync(String target) implements Action {
        @Override
        public StepKind kind() {
            return StepKind.FORCE_SYNC;
        }
    }

    /** Wait until the replica holds the authority's credential and ESO reports Ready. */
    record AwaitReplica(String target) implements Action {
        @Override
        public StepKind kind() {
            return StepKind.AWAIT_REPLICA;
        }
    }

    /** Rollout-restart one workload (if it is still stale when the step runs). */
    record RollOut(WorkloadRef workload) implements Action {
        public RollOut {
            Objects.requireNonNull(workload, "workload");
        }

        @Override
        public StepKind kind() {
            return StepKind.ROLL_OUT;
        }

        @Override
        public String target() {
            return workload.describe();
        }

        @Override
        public List<WorkloadRef> workloads() {
            return List.of(workload);
        }
    }

    /** Wait until the rolled workloads are ready and their credential passes the probe (the readiness gate). */
    record AwaitReady(List<WorkloadRef> rolled) implements Action {
        public AwaitReady {
            rolled = List.copyOf(rolled);
        }

        @Override
        public StepKind kind() {
            return StepKind.AWAIT_READY;
        }

        @Override
        public String target() {
            return rolled.stream().map(WorkloadRef::describe).collect(Collectors.joining(", "));
        }

        @Override
        public List<WorkloadRef> workloads() {
            return rolled;
        }
    }

    /** The action a journaled step describes. */
    static Action of(StepKind kind, String target, List<WorkloadRef> workloads) {
        return switch (kind) {
            case PROBE_STORE -> new ProbeAuthority(target);
            case WRITE_VAULT -> new WriteVault(target);
            case FORCE_SYNC -> new ForceSync(target);
            case AWAIT_REPLICA -> new AwaitReplica(target);
            case ROLL_OUT -> new RollOut(workloads.get(0));
            case AWAIT_READY -> new AwaitReady(workloads);
            case CREATE_STORE_ACCOUNT -> new CreateStoreAccount(target);
        };
    }
}
