package dev.credrift.reconciler.handle;

import dev.credrift.events.credential.AccessKeyMask;
import dev.credrift.events.credential.Credential;
import dev.credrift.reconciler.report.SafeText;
import dev.credrift.reconciler.rotate.RotationDecision;
import dev.credrift.reconciler.rotate.RotationJournal;
import dev.credrift.reconciler.rotate.keys.RotationKeys;
import dev.credrift.reconciler.step.StepOutcome;
import dev.credrift.reconciler.world.BoundBinding;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * The consumers failed on the new key after the vault moved to it (the binding's remediation halted): put the old key
 * back into the vault where the store still gives its secret, journal that, then halt the rotation saying what is
 * true. The binding's own halt stays: once a human clears it, the ordinary drift remediation moves the replica and the
 * consumers back to what the vault holds. Nothing is revoked either way.
 */
final class RotationRollback {

    /** How soon to try again when the vault write was deferred by its budget. */
    private static final Duration DEFERRED_LOOK = Duration.ofSeconds(2);

    private final RotationLedger ledger;

    RotationRollback(RotationLedger ledger) {
        this.ledger = ledger;
    }

    /**
     * @param writeVault  writes a credential into the binding's vault with the remediation's own step
     */
    Future<RotationJournal> rollBack(
            Handling h,
            BoundBinding b,
            RotationJournal j,
            RotationKeys keys,
            RotationDecision.RollBack decision,
            Function<Credential, Future<StepOutcome>> writeVault) {
        String old = AccessKeyMask.mask(j.oldAccessKeyId()).value();
        String failed = "the binding's remediation halted before every consumer was proven on the new key ("
                + decision.reason() + ")";
        return keys.previous(j)
                .map(previous -> previous.filter(k -> k.accessKeyId().equals(j.oldAccessKeyId())))
                .recover(e -> {
                    String why = "the old key's secret could not be read: " + SafeText.of(e);
                    return Future.failedFuture(new NotRolledBack(why));
                })
                .compose(previous -> previous.isEmpty()
                        ? Future.failedFuture(new NotRolledBack(keys.noPrevious()))
                        : writeVault.apply(previous.get()))
                .compose(outcome -> {
                    if (outcome instanceof StepOutcome.Deferred) {
                        ledger.lookAgain(b.id(), DEFERRED_LOOK);
                        return Future.succeededFuture(Optional.<RotationJournal>empty());
                    }
                    if (!(outcome instanceof StepOutcome.Done || outcome instanceof StepOutcome.AlreadyDone)) {
                        return Future.failedFuture(
                                new NotRolledBack("writing the old key to the vault failed: " + outcome.detail()));
                    }
                    return RotationLedger.journal(h, j.withRolledBack()).map(Optional::of);
                })
                .transform(done -> {
                    if (done.failed()) {
                        Throwable e = done.cause();
                        String why = e instanceof NotRolledBack ? e.getMessage() : SafeText.of(e);
                        return ledger.halt(
                                h,
                                b,
                                j,
                                decision.step(),
                                failed + "; the old key stays valid and nothing is revoked (" + old + "), but the"
                                        + " vault keeps the new key (not rolled back: " + why + "): fix the"
                                        + " consumers, clear the halt (credrift.dev/clear-halt) and ask for a"
                                        + " rotation again");
                    }
                    return done.result().isEmpty()
                            ? Future.succeededFuture(j)
                            : ledger.halt(
                                    h,
                                    b,
                                    done.result().get(),
                                    decision.step(),
                                    failed + "; the vault holds the old key " + old + " again and nothing is"
                                            + " revoked: fix the consumers and clear the halt"
                                            + " (credrift.dev/clear-halt), then credrift rolls them back onto it;"
                                            + " ask for a rotation again later");
                });
    }

    /** Why the vault was not given the old key back; carries no key material. */
    private static final class NotRolledBack extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotRolledBack(String why) {
            super(why, null, false, false);
        }
    }
}
