package dev.credrift.reconciler.plan;

import dev.credrift.events.payload.DriftClass;
import dev.credrift.reconciler.assess.Assessment;
import dev.credrift.reconciler.assess.AuthorityCheck;
import dev.credrift.reconciler.assess.ConsumerVerdict;
import dev.credrift.reconciler.assess.HopMatch;
import dev.credrift.reconciler.classify.Classification.Classified;
import dev.credrift.reconciler.world.WorkloadRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Drift class → {@link Plan}, as in the package documentation. Pure. */
public final class Planner {

    /** The plan for a class; empty for {@code IN_SYNC}. */
    public Optional<Plan> plan(Classified classified, Assessment a) {
        DriftClass driftClass = classified.driftClass();
        List<Action> actions = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        switch (driftClass) {
            case IN_SYNC:
                return Optional.empty();
            case VAULT_STALE:
                actions.add(new Action.ProbeAuthority(a.targets().store()));
                actions.add(new Action.WriteVault(a.targets().vaultItem()));
                replicaSteps(a, actions);
                rollSteps(a, c -> true, actions, notes);
                break;
            case REPLICA_STALE:
                actions.add(new Action.ProbeAuthority(a.targets().store()));
                replicaSteps(a, actions);
                rollSteps(a, c -> true, actions, notes);
                break;
            case STORE_MISSING_ACCOUNT:
                storeAccountSteps(a, actions, notes);
                break;
            case CONSUMERS_STALE:
                List<Action> rolls = new ArrayList<>();
                rollSteps(a, ConsumerVerdict::stale, rolls, notes);
                if (!rolls.isEmpty()) {
                    actions.add(new Action.ProbeAuthority(a.targets().store()));
                    actions.addAll(rolls);
                } else {
                    notes.add("no stale consumer can be rolled: alert only");
                }
                break;
            default:
                notes.add(alertOnly(driftClass));
                break;
        }
        return Optional.of(new Plan(driftClass, actions, notes));
    }

    // story 2: create the account, verify it, then heal what is downstream — the replica if it differs (so consumers
    // are never rolled before it matches), else the consumers that are stale or not ready (refused until now)
    private static void storeAccountSteps(Assessment a, List<Action> actions, List<String> notes) {
        String key = a.authorityCheck() instanceof AuthorityCheck.Probed probed
                ? probed.accessKeyId() + " (" + probed.fingerprint() + ")"
                : "with the vault's key";
        actions.add(new Action.CreateStoreAccount("MinIO service account " + key));
        actions.add(new Action.ProbeAuthority(a.targets().store()));
        if (a.replica().match() == HopMatch.DIFFERS) {
            replicaSteps(a, actions);
            rollSteps(a, c -> true, actions, notes);
        } else if (a.replica().match() == HopMatch.MATCHES) {
            rollSteps(a, c -> c.stale() || !c.ready(), actions, notes);
        } else {
            notes.add("the replica cannot be read, so nothing past the store is healed: "
                    + a.replica().detail());
        }
    }

    private static void replicaSteps(Assessment a, List<Action> actions) {
        actions.add(new Action.ForceSync(a.targets().externalSecret()));
        actions.add(new Action.AwaitReplica(a.targets().replicaSecret()));
    }

    // Once the replica changes, every pod that read it before is stale: all rollable consumers are planned, and
    // each roll step looks again whether its workload still needs it.
    private static void rollSteps(
            Assessment a, Predicate<ConsumerVerdict> wanted, List<Action> actions, List<String> notes) {
        List<WorkloadRef> rolled = new ArrayList<>();
        for (ConsumerVerdict consumer : a.consumers()) {
            if (!wanted.test(consumer)) {
                continue;
            }
            if (consumer.rollBlocker().isPresent()) {
                notes.add(consumer.rollBlocker().get().notRolled());
                continue;
            }
            rolled.add(consumer.workload());
            actions.add(new Action.RollOut(consumer.workload()));
        }
        if (!rolled.isEmpty()) {
            actions.add(new Action.AwaitReady(rolled));
        }
        if (a.consumers().isEmpty()) {
            notes.add("no consumer workload reads the replica: nothing to roll");
        }
        notes.addAll(a.consumerProblems());
    }

    private static String alertOnly(DriftClass driftClass) {
        return switch (driftClass) {
            case AUTHORITY_REJECTED -> "alert only: a credential the store refuses is never propagated";
            case ENDPOINT_UNTRUSTED -> "alert only: nothing is verified against, or sent to, an untrusted endpoint";
            case REPLICA_UNSYNCABLE -> "alert only: ESO will not sync the replica; fix the ExternalSecret";
            case IDENTITY_REJECTED -> "alert only: the identity exchange must be fixed where it is configured";
            default -> "alert only";
        };
    }
}
