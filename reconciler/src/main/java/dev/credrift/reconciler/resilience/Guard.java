package dev.credrift.reconciler.resilience;

import dev.credrift.reconciler.logging.Reconciliation;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Predicate;

/**
 * Runs blocking calls to one external system on a worker executor, with retry (exponential backoff, jitter), a
 * circuit breaker and a time limiter, and hands the result back on the caller's Vert.x context. A system that throttles
 * ({@link Throttling}) is retried no sooner than it asked and does not trip the breaker by throttling.
 */
public final class Guard {

    private final ExternalSystem system;
    private final Retry retry;
    private final CircuitBreaker breaker;
    private final TimeLimiter timeLimiter;
    private final ScheduledExecutorService scheduler;
    private final WorkerExecutor worker;

    public Guard(
            ExternalSystem system,
            GuardSettings settings,
            Predicate<Throwable> transientFailure,
            ScheduledExecutorService scheduler,
            WorkerExecutor worker) {
        this(system, settings, transientFailure, Throttling.NONE, scheduler, worker);
    }

    /**
     * A guard whose retries wait at least as long as a throttling system asked, and whose breaker ignores throttling
     * (neither a failure nor a success).
     */
    public Guard(
            ExternalSystem system,
            GuardSettings settings,
            Predicate<Throwable> transientFailure,
            Throttling throttling,
            ScheduledExecutorService scheduler,
            WorkerExecutor worker) {
        Objects.requireNonNull(throttling, "throttling");
        this.system = Objects.requireNonNull(system, "system");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.worker = Objects.requireNonNull(worker, "worker");
        IntervalFunction backoff = IntervalFunction.ofExponentialRandomBackoff(
                settings.initialBackoff(), settings.multiplier(), settings.jitter(), settings.maxBackoff());
        this.retry = Retry.of(
                "credrift-" + system.tag(),
                RetryConfig.custom()
                        .maxAttempts(settings.maxAttempts())
                        .intervalBiFunction((attempt, outcome) -> throttling.waitMillis(
                                backoff.apply(attempt), outcome.isLeft() ? outcome.getLeft() : null))
                        .retryOnException(transientFailure)
                        .build());
        this.breaker = CircuitBreaker.of(
                "credrift-" + system.tag(),
                CircuitBreakerConfig.custom()
                        .failureRateThreshold(settings.failureRate())
                        .slidingWindowSize(settings.window())
                        .minimumNumberOfCalls(settings.minimumCalls())
                        .waitDurationInOpenState(settings.openFor())
                        .recordException(transientFailure)
                        .ignoreException(throttling::throttled)
                        .build());
        this.timeLimiter = TimeLimiter.of(
                "credrift-" + system.tag(),
                TimeLimiterConfig.custom()
                        .timeoutDuration(settings.timeLimit())
                        .cancelRunningFuture(true)
                        .build());
    }

    /**
     * Runs {@code blocking} under the guard for one binding's handling, with {@code reconciliation} in the worker
     * thread's MDC while it runs (the lines of the clients below carry the binding); completes on {@code context}.
     */
    public <T> Future<T> call(Context context, Reconciliation reconciliation, Callable<T> blocking) {
        return call(context, () -> reconciliation.call(blocking));
    }

    /** Runs {@code blocking} under the guard; completes on {@code context}. */
    public <T> Future<T> call(Context context, Callable<T> blocking) {
        CompletionStage<T> guarded = retry.executeCompletionStage(
                scheduler,
                () -> breaker.executeCompletionStage(() -> timeLimiter.executeCompletionStage(
                        scheduler,
                        () -> worker.executeBlocking(blocking, false)
                                .toCompletionStage()
                                .toCompletableFuture())));
        return Future.fromCompletionStage(guarded, context);
    }

    public ExternalSystem system() {
        return system;
    }

    public CircuitBreaker breaker() {
        return breaker;
    }
}
