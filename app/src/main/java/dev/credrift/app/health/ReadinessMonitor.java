package dev.credrift.app.health;

import dev.credrift.app.kafka.AsyncTopicAdmin;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks one dependency in the background every {@code interval} and caches the verdict, so that {@code /readyz}
 * never waits on it. One check at a time: a check still running when the next tick comes is not doubled. Each check
 * is bounded by its timeout, and a verdict older than {@link #maxAge()} no longer counts. A change of verdict is
 * logged once (not every check), so an unreachable dependency is one log line naming it, not one per interval.
 */
public final class ReadinessMonitor {

    private static final Logger LOG = LoggerFactory.getLogger(ReadinessMonitor.class);

    private final Vertx vertx;
    private final String dependency;
    private final Supplier<Future<Readiness>> check;
    private final String readyMessage;
    private final Duration interval;
    private final Duration checkTimeout;
    private final Clock clock;
    private final AtomicReference<Readiness> latest;
    private final AtomicBoolean checking = new AtomicBoolean();
    private final Promise<Void> firstVerdict = Promise.promise();
    private final Promise<Void> firstReady = Promise.promise();
    private long timerId = -1;

    /**
     * @param check        one check; it turns its own failures into a {@link Readiness.NotReady} naming the cause
     * @param readyMessage logged when the dependency becomes ready
     */
    public ReadinessMonitor(
            Vertx vertx,
            String dependency,
            Supplier<Future<Readiness>> check,
            String readyMessage,
            Duration interval,
            Duration checkTimeout,
            Clock clock) {
        this.vertx = vertx;
        this.dependency = dependency;
        this.check = check;
        this.readyMessage = readyMessage;
        this.interval = interval;
        this.checkTimeout = checkTimeout;
        this.clock = clock;
        this.latest = new AtomicReference<>(
                new Readiness.NotReady("first " + dependency + " check not finished yet", clock.instant()));
    }

    /** Kafka answers and every credrift topic exists; each check bounded by the admin timeout plus a margin. */
    public static ReadinessMonitor kafka(
            Vertx vertx,
            AsyncTopicAdmin admin,
            List<String> requiredTopics,
            Duration interval,
            Duration adminTimeout,
            Clock clock) {
        List<String> topics = List.copyOf(requiredTopics);
        return new ReadinessMonitor(
                vertx,
                "kafka",
                () -> admin.listTopicNames()
                        .map(names -> KafkaReadiness.fromTopics(topics, names, clock.instant()))
                        .otherwise(failure -> KafkaReadiness.fromFailure(failure, clock.instant())),
                "kafka at " + admin.bootstrapServers() + " answers and all " + topics.size() + " credrift topics exist",
                interval,
                adminTimeout.plusSeconds(2),
                clock);
    }

    public String dependency() {
        return dependency;
    }

    /** Starts checking now and then every interval. */
    public synchronized void start() {
        if (timerId < 0) {
            timerId = vertx.setPeriodic(0, interval.toMillis(), id -> checkOnce());
        }
    }

    public synchronized void stop() {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
            timerId = -1;
        }
    }

    /** The verdict to report now; never blocks. */
    public Readiness current() {
        return KafkaReadiness.current(dependency, latest.get(), clock.instant(), maxAge());
    }

    /** Completes when the first check has finished, whatever its verdict. */
    public Future<Void> firstVerdict() {
        return firstVerdict.future();
    }

    /** Completes the first time the dependency is ready (never, if it never is). */
    public Future<Void> firstReady() {
        return firstReady.future();
    }

    /** How old a verdict may get: two missed checks, each allowed its full timeout. */
    public Duration maxAge() {
        return interval.plus(checkTimeout).multipliedBy(2);
    }

    private void checkOnce() {
        if (!checking.compareAndSet(false, true)) {
            return;
        }
        Future<Readiness> running;
        try {
            running = check.get();
        } catch (RuntimeException e) {
            running = Future.failedFuture(e);
        }
        running.timeout(checkTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .otherwise(failure -> new Readiness.NotReady(
                        dependency
                                + (failure instanceof TimeoutException
                                        ? " check timed out"
                                        : " check failed: " + failure.getClass().getSimpleName()),
                        clock.instant()))
                .onComplete(result -> {
                    record(result.result());
                    checking.set(false);
                });
    }

    private void record(Readiness next) {
        Readiness previous = latest.getAndSet(next);
        // firstReady before firstVerdict: whoever sees the first verdict must also see that it was ready (the
        // start-up waits for the verdict, then asks whether the API answered; the other order raced: seen in CI)
        if (next.serving()) {
            firstReady.tryComplete();
        }
        firstVerdict.tryComplete();
        boolean changed =
                previous.getClass() != next.getClass() || !previous.reason().equals(next.reason());
        if (!changed) {
            return;
        }
        if (next instanceof Readiness.NotReady notReady) {
            LOG.warn("not ready: {}", notReady.reason());
        } else if (next instanceof Readiness.Degraded degraded) {
            LOG.warn("degraded: {}", degraded.reason());
        } else {
            LOG.info("ready: {}", readyMessage);
        }
    }
}
