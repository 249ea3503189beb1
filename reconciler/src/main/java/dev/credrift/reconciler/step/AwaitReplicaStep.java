package dev.credrift.reconciler.step;

import dev.credrift.events.credential.Fingerprint;
import dev.credrift.reconciler.assess.ReplicaChange;
import dev.credrift.reconciler.world.Awaited;
import dev.credrift.reconciler.world.ExternalSecretState;
import dev.credrift.reconciler.world.Hop;
import dev.credrift.reconciler.world.ReplicaSecret;
import dev.credrift.reconciler.world.ReplicaValue;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Optional;

/**
 * Waits, bounded, until the replica Secret holds the authority's credential and ESO reports {@code Ready=True};
 * then journals when the replica changed, which is what makes its consumers stale (invariant 3: no roll before).
 */
public final class AwaitReplicaStep implements Step {

    private record Seen(ReplicaValue replica, Optional<Fingerprint> fingerprint) {}

    @Override
    public Future<StepOutcome> run(StepContext c) {
        StepTools t = c.tools();
        Seen[] last = {null};
        return Poll.until(
                        t.vertx(),
                        t.clock(),
                        t.timings().pollInterval(),
                        t.timings().awaitReplica(),
                        wake -> t.reader().onChange(c.binding().id().namespace(), Awaited.replica(c.binding()), wake),
                        AuthorityGate.watching(
                                c,
                                () -> t.guards()
                                        .kubernetes()
                                        .call(
                                                t.context(),
                                                c.session().log(),
                                                () -> t.reader().readReplica(c.binding()))
                                        .map(hop -> {
                                            if (hop instanceof Hop.Unreadable<ReplicaValue>) {
                                                return Optional.<Seen>empty();
                                            }
                                            ReplicaValue replica = hop.value().orElseThrow();
                                            Optional<Fingerprint> fp = replica.secret()
                                                    .flatMap(ReplicaSecret::credential)
                                                    .map(t.fingerprinter()::fingerprint);
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

    private static Future<StepOutcome> matched(StepContext c, Seen seen) {
        Instant now = c.tools().clock().instant();
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

    private static StepOutcome timedOut(StepContext c, Seen last) {
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
                        + c.tools().timings().awaitReplica().toSeconds() + " s: "
                        + seen,
                true);
    }
}
