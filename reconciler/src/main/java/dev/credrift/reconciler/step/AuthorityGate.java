package dev.credrift.reconciler.step;

import dev.credrift.api.spec.Authority;
import dev.credrift.events.credential.Credential;
import dev.credrift.events.credential.Fingerprint;
import dev.credrift.events.payload.ProblemCode;
import dev.credrift.reconciler.probe.ProbeVerdict;
import dev.credrift.reconciler.world.Hop;
import dev.credrift.reconciler.world.SourceValue;
import dev.credrift.reconciler.world.VaultValue;
import dev.credrift.reconciler.world.WorldReader;
import io.vertx.core.Future;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The fresh look right before a point of no return (writing the vault, creating a store account, rolling a
 * workload) and in every wait (architecture.md §5.1 rules 1 and 2): re-reads the authority hop and, when it is still the
 * planned one, probes the store with it bypassing the probe cache. The decision is {@link GateVerdict#judge}'s.
 */
final class AuthorityGate {

    private final Exec exec;
    private final WorldReader reader;
    private final StoreChecks store;

    AuthorityGate(Exec exec, WorldReader reader, StoreChecks store) {
        this.exec = exec;
        this.reader = reader;
        this.store = store;
    }

    /** Reads and probes; {@code probe} false only compares the authority (a store account about to be created). */
    Future<GateVerdict> look(StepContext c, boolean probe) {
        return read(c).compose(current -> {
            Optional<Credential> credential = current.value();
            Optional<Fingerprint> fp = credential.map(store.fingerprinter()::fingerprint);
            String unreadable = current instanceof Hop.Unreadable<Credential> u ? u.detail() : "";
            boolean same = fp.filter(c.authorityFingerprint()::equals).isPresent();
            if (!probe || !same) {
                return Future.succeededFuture(
                        GateVerdict.judge(c.authorityFingerprint(), fp, unreadable, Optional.empty()));
            }
            return freshProbe(c, credential.get())
                    .map(verdict -> GateVerdict.judge(c.authorityFingerprint(), fp, unreadable, Optional.of(verdict)));
        });
    }

    /** The gate's verdict as a step outcome, or empty when the step may act. */
    static Optional<StepOutcome> outcome(GateVerdict verdict) {
        if (verdict instanceof GateVerdict.Supersede s) {
            return Optional.of(new StepOutcome.Superseded(
                    s.current(), s.detail() + "; nothing more is done for" + " the old credential"));
        }
        if (verdict instanceof GateVerdict.Reject r) {
            return Optional.of(new StepOutcome.Failed(
                    "AUTHORITY_REJECTED", r.detail() + "; nothing is written" + " or rolled", false));
        }
        if (verdict instanceof GateVerdict.Unverified u) {
            return Optional.of(new StepOutcome.Failed(
                    "AUTHORITY_NOT_VERIFIED", u.detail() + "; nothing is" + " written or rolled", true));
        }
        return Optional.empty();
    }

    /**
     * {@code look}, preceded each time by a look at the authority (architecture.md §5.1 rule 2: every wait judges against the
     * authority as it is now): a moved authority ends the wait with its outcome instead of letting it time out.
     */
    <T> Supplier<Future<Optional<Watched<T>>>> watching(StepContext c, Supplier<Future<Optional<T>>> look) {
        return () -> look(c, false).compose(verdict -> {
            Optional<StepOutcome> moved = outcome(verdict);
            if (moved.isPresent()) {
                return Future.succeededFuture(Optional.of(new Watched.Moved<>(moved.get())));
            }
            return look.get().map(seen -> seen.map(Watched.Seen::new));
        });
    }

    /** What a watched wait ended on. */
    sealed interface Watched<T> {
        record Seen<T>(T value) implements Watched<T> {}

        record Moved<T>(StepOutcome outcome) implements Watched<T> {}
    }

    private Future<Hop<Credential>> read(StepContext c) {
        if (c.binding().spec().authority() == Authority.VAULT) {
            return exec.guards()
                    .onePassword()
                    .call(exec.context(), c.session().log(), () -> reader.readVault(c.binding()))
                    .map(VaultValue::credential)
                    .map(cred -> cred.<Hop<Credential>>map(Hop::read)
                            .orElseGet(
                                    () -> Hop.unreadable(ProblemCode.EMPTY_DATA, "the vault item has empty fields")));
        }
        return exec.guards()
                .kubernetes()
                .call(exec.context(), c.session().log(), () -> reader.readSource(c.binding()))
                .map(source -> source instanceof Hop.Unreadable<SourceValue> u
                        ? Hop.<Credential>unreadable(u.code(), u.detail())
                        : Hop.read(source.value().orElseThrow().credential()));
    }

    // the cache's verdict may predate the change that matters now: ask the store, and keep the answer for others
    private Future<ProbeVerdict> freshProbe(StepContext c, Credential credential) {
        return exec.guards()
                .store()
                .call(exec.context(), c.session().log(), () -> store.probe().probeFresh(c.target(), credential));
    }
}
