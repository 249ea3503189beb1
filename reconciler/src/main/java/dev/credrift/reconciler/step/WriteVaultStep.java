package dev.credrift.reconciler.step;

import dev.credrift.api.spec.OnePasswordItem;
import dev.credrift.reconciler.resilience.Transient;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.vertx.core.Future;

/** Writes the authority's credential into the 1Password item and reads it back (through the vault-write limiter). */
public final class WriteVaultStep implements Step {

    private final Exec exec;
    private final VaultPorts vault;

    WriteVaultStep(Exec exec, VaultPorts vault) {
        this.exec = exec;
        this.vault = vault;
    }

    @Override
    public Future<StepOutcome> run(StepContext c) {
        OnePasswordItem item = c.binding().spec().vault().onePassword();
        String what = "1Password item '" + item.item() + "' in vault '" + item.vault() + "'";
        return exec.guards()
                .onePassword()
                .call(exec.context(), c.session().log(), () -> {
                    // waits up to the limiter's timeout on this worker thread, never on an event loop
                    if (!vault.writes().acquirePermission()) {
                        throw RequestNotPermitted.createRequestNotPermitted(vault.writes());
                    }
                    return vault.vault().write(item, c.authority());
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
                                        vault.writes().getRateLimiterConfig().getLimitRefreshPeriod())
                                : Steps.failed(e)));
    }
}
