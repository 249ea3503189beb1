package dev.credrift.reconciler.resilience;

import io.vertx.core.WorkerExecutor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * One {@link Guard} per external system. The store's admin API (MinIO) has its own guard and breaker, with the store's
 * settings: an admin API that fails must not open the probe's breaker, nor the other way round.
 */
public record Guards(Guard kubernetes, Guard onePassword, Guard store, Guard storeAdmin, Guard sts) {

    public static Guards create(
            GuardSettings kubernetes,
            GuardSettings onePassword,
            GuardSettings store,
            ScheduledExecutorService scheduler,
            WorkerExecutor worker) {
        return new Guards(
                new Guard(
                        ExternalSystem.KUBERNETES,
                        kubernetes,
                        Transient::kubernetes,
                        Throttling.KUBERNETES,
                        scheduler,
                        worker),
                new Guard(
                        ExternalSystem.ONE_PASSWORD,
                        onePassword,
                        Transient::onePassword,
                        Throttling.ONE_PASSWORD,
                        scheduler,
                        worker),
                new Guard(ExternalSystem.STORE, store, Transient::store, scheduler, worker),
                new Guard(ExternalSystem.STORE_ADMIN, store, Transient::storeAdmin, scheduler, worker),
                // STS (web identity): its own breaker; throttling is retried after a backoff, never at once
                new Guard(ExternalSystem.STS, GuardSettings.sts(), Transient::sts, scheduler, worker));
    }
}
