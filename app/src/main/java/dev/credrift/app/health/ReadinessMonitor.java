package dev.credrift.app.health;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import dev.credrift.app.kafka.AsyncTopicAdmin;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks Kafka readiness in the background every {@code interval} and caches the verdict, so that {@code /readyz}
 * never waits on Kafka. One check at a time: a check still running when the next tick comes is not doubled. Each
 * check is bounded by the admin timeout plus a margin, and a verdict older than {@link #maxAge()} no longer counts.
 */
public final class ReadinessMonitor {

    private static final Logger LOG = LoggerFactory.getLogger(ReadinessMonitor.class);

    private final Vertx vertx;
    private final AsyncTopicAdmin admin;
    private final List<String> requiredTopics;
    private final Duration interval;
    private final Duration checkTimeout;
    private final Clock clock;
    private final AtomicReference<Readiness> latest;
    private final AtomicBoolean checking = new AtomicBoolean();
    private long timerId = -1;

    public ReadinessMonitor(Vertx vertx, AsyncTopicAdmin admin, List<String> requiredTopics,
                            Duration interval, Duration adminTimeout, Clock clock) {
        this.vertx = vertx;
        this.admin = admin;
        this.requiredTopics = List.copyOf(requiredTopics);
        this.interval = interval;
        this.checkTimeout = adminTimeout.plusSeconds(2);
        this.clock = clock;
        this.latest = new AtomicReference<>(new Readiness.NotReady("first kafka check not finished yet", clock.instant()));
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
        return KafkaReadiness.current(latest.get(), clock.instant(), maxAge());
    }

    /** How old a verdict may get: two missed checks, each allowed its full timeout. */
    public Duration maxAge() {
        return interval.plus(checkTimeout).multipliedBy(2);
    }

    private void checkOnce() {
        if (!checking.compareAndSet(false, true)) {
            return;
        }
        admin.listTopicNames()
                .timeout(checkTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .map(topics -> KafkaReadiness.fromTopics(requiredTopics, topics, clock.instant()))
                .otherwise(failure -> KafkaReadiness.fromFailure(failure, clock.instant()))
                .onComplete(result -> {
                    record(result.result());
                    checking.set(false);
                });
    }

    private void record(Readiness next) {
        Readiness previous = latest.getAndSet(next);
        boolean changed = previous.getClass() != next.getClass()
                || (next instanceof Readiness.NotReady now && previous instanceof Readiness.NotReady before
                && !now.reason().equals(before.reason()));
        if (!changed) {
            return;
        }
        if (next instanceof Readiness.NotReady notReady) {
            LOG.warn("not ready: {}", notReady.reason());
        } else {
            LOG.info("ready: kafka at {} answers and all {} credrift topics exist", admin.bootstrapServers(), requiredTopics.size());
        }
    }
}
