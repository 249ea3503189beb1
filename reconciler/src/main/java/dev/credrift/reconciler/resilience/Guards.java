package dev.credrift.reconciler.resilience;

import io.vertx.core.WorkerExecutor;
import java.util.concurrent.ScheduledExecutorService;

/** One {@link Guard} per external system. */
public record Guards(Guard kubernetes, Guard onePassword, Guard store) {

    public static Guards create(GuardSettings kubernetes, GuardSettings onePassword, GuardSettings store,
            ScheduledExecutorService scheduler, WorkerExecutor worker) {
        return new Guards(
                new Guard(ExternalSystem.KUBERNETES, kubernetes, Transient::kubernetes, scheduler, worker),
                new Guard(ExternalSystem.ONE_PASSWORD, onePassword, Transient::onePassword, scheduler, worker),
                new Guard(ExternalSystem.STORE, store, Transient::store, scheduler, worker));
    }
}
