package dev.credrift.reconciler.step;

import dev.credrift.api.spec.OnePasswordItem;
import dev.credrift.reconciler.resilience.Transient;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.vertx.core.Future;

/** Writes the authority's credential into the 1Password item and reads it back (through the vault-write limiter). */
public final class WriteVaultStep implements Step {

    @Override
    public Future<StepOutcome> run(StepContext c) {
        StepTools t = c.tools();
        OnePasswordItem item = c.binding().spec().vault().onePassword();
        String what = "1Password item '" + item.item() + "' in vault '" + item.vault() + "'";
        return t.guards()
                .onePassword()
                .call(t.context(), c.session().log(), () -> {
                    // waits up to the limiter's timeout on this worker thread, never on an event loop
                    if (!t.vaultWrites().acquirePermission()) {
                        throw RequestNotPermitted.createRequestNotPermitted(t.vaultWrites());
                    }
                    return t.vault().write(item, c.authority());
                })
                .<StepOutcome>map(changed -> changed
                        ? new StepOutcome.Done("wrote " + c.authority().maskedAccessKeyId() + " ("
                                + c.authorityFingerprint() + ") into " + what + " and read it back")
                        : new StepOutcome.AlreadyDone(what + " already holds "
                                + c.authority().maskedAccessKeyId() + " (" + c.authorityFingerprint() + ")"))
                // a budget refusal defers, never fails (architecture.md §5.1 rule 4); the guard wraps what the call
                // threw
                .recover(e -> Future.succeededFuture(
                        Transient.unwrap(e) instanceof RequestNotPermitted
                                ? new StepOutcome.Deferred(
                                        "VAULT_WRITE_RATE_LIMITED",
                                        "the vault-write rate limit is" + " reached: " + what
                                                + " is written once it allows",
                                        t.vaultWrites().getRateLimiterConfig().getLimitRefreshPeriod())
                                : Steps.failed(e)));
    }
}
