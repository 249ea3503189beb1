package dev.credrift.reconciler.step;

import dev.credrift.events.credential.Fingerprint;
import dev.credrift.events.credential.Fingerprinter;
import dev.credrift.reconciler.assess.ReplicaChange;
import dev.credrift.reconciler.world.Awaited;
import dev.credrift.reconciler.world.ExternalSecretState;
import dev.credrift.reconciler.world.Hop;
import dev.credrift.reconciler.world.ReplicaSecret;
import dev.credrift.reconciler.world.ReplicaValue;
import dev.credrift.reconciler.world.WorldReader;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Optional;

/**
 * Waits, bounded, until the replica Secret holds the authority's credential and ESO reports {@code Ready=True};
 * then journals when the replica changed, which is what makes its consumers stale (invariant 3: no roll before).
 */
public final class AwaitReplicaStep implements Step {

    private final Exec exec;
    private final WorldReader reader;
    private final Fingerprinter fingerprinter;
    private final StepTimings timings;
    private final AuthorityGate gate;

    AwaitReplicaStep(
            Exec exec, WorldReader reader, Fingerprinter fingerprinter, StepTimings timings, AuthorityGate gate) {
        this.exec = exec;
        this.reader = reader;
        this.fingerprinter = fingerprinter;
        this.timings = timings;
        this.gate = gate;
    }

    private record Seen(ReplicaValue replica, Optional<Fingerprint> fingerprint) {}

    @Override
    public Future<StepOutcome> run(StepContext c) {
        Seen[] last = {null};
        return Poll.until(
                        exec.vertx(),
                        exec.clock(),
                        timings.pollInterval(),
                        timings.awaitReplica(),
                        wake -> reader.onChange(c.binding().id().namespace(), Awaited.replica(c.binding()), wake),
                        gate.watching(
                                c,
                                () -> exec.guards()
                                        .kubernetes()
                                        .call(exec.context(), c.session().log(), () -> reader.readReplica(c.binding()))
                                        .map(hop -> {
                                            if (hop instanceof Hop.Unreadable<ReplicaValue>) {
                                                return Optional.<Seen>empty();
                                            }
                                            ReplicaValue replica = hop.value().orElseThrow();
                                            Optional<Fingerprint> fp = replica.secret()
                                                    .flatMap(ReplicaSecret::credential)
                                                    .map(fingerprinter::fingerprint);
                                            last[0] = new Seen(replica, fp);
                                            boolean matches = fp.filter(c.authorityFingerprint()::equals)
                                                    .isPresent();
                                            return matches
                                                            && replica.externalSecret()
                                                                    .isReady()
                                                    ? Optional.of(last[0])
                                                    : Optional.<Seen>empty();
                                        })))
                .compose(watched -> {
                    if (watched.isEmpty()) {
                        return Future.succeededFuture(timedOut(c, last[0]));
                    }
                    return watched.get() instanceof AuthorityGate.Watched.Seen<Seen> seen
                            ? matched(c, seen.value())
                            : Future.succeededFuture(((AuthorityGate.Watched.Moved<Seen>) watched.get()).outcome());
                })
                .recover(e -> Future.succeededFuture(Steps.failed(e)));
    }

    private Future<StepOutcome> matched(StepContext c, Seen seen) {
        Instant now = exec.clock().instant();
        ReplicaSecret secret = seen.replica().secret().orElseThrow();
        boolean known = c.session()
                .entry()
                .replicaMark()
                .filter(m -> m.fingerprint().equals(c.authorityFingerprint()))
                .isPresent();
        String what = "Secret " + secret.namespace() + "/" + secret.name();
        if (known) {
            return Future.succeededFuture(new StepOutcome.AlreadyDone(what + " already holds the authority's"
                    + " credential (" + c.authorityFingerprint() + ") and ESO reports Ready"));
        }
        return c.session()
                .update(entry -> entry.withReplica(ReplicaChange.mark(
                                seen.fingerprint(),
                                entry.replicaMark(),
                                secret.lastManagedAt(),
                                secret.createdAt(),
                                now)
                        .orElseThrow()))
                .map(v -> new StepOutcome.Done(what + " now holds the authority's credential ("
                        + c.authorityFingerprint() + ") and ESO reports Ready"));
    }

    private StepOutcome timedOut(StepContext c, Seen last) {
        String seen;
        if (last == null) {
            seen = "the ExternalSecret could not be read";
        } else {
            ExternalSecretState es = last.replica().externalSecret();
            seen = "Secret " + es.namespace() + "/" + es.targetSecret() + " holds "
                    + last.fingerprint().map(Fingerprint::value).orElse("no usable credential")
                    + ", ESO Ready=" + es.ready()
                    + es.readyReason().map(r -> " (" + r + ")").orElse("");
        }
        return new StepOutcome.Failed(
                "REPLICA_NOT_SYNCED",
                "the replica did not take the authority's credential ("
                        + c.authorityFingerprint() + ") within "
                        + timings.awaitReplica().toSeconds() + " s: "
                        + seen,
                true);
    }
}
