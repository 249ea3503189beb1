package dev.credrift.reconciler.step;

import dev.credrift.events.credential.Fingerprinter;
import dev.credrift.reconciler.assess.Freshness;
import dev.credrift.reconciler.probe.StoreProbe;
import dev.credrift.reconciler.resilience.Guards;
import dev.credrift.reconciler.resilience.RolloutBudget;
import dev.credrift.reconciler.world.KubeGateway;
import dev.credrift.reconciler.world.VaultAccess;
import dev.credrift.reconciler.world.WorldReader;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Clock;

/** What every step may use; one set per reconciler. */
public record StepTools(
        Vertx vertx,
        Context context,
        Guards guards,
        KubeGateway kube,
        WorldReader reader,
        VaultAccess vault,
        StoreProbe probe,
        Fingerprinter fingerprinter,
        Clock clock,
        Freshness freshness,
        StepTimings timings,
        RolloutBudget budget,
        RateLimiter vaultWrites) {}
