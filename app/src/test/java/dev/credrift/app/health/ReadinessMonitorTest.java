package dev.credrift.app.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReadinessMonitorTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T22:00:00Z"), ZoneOffset.UTC);

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void closeVertx() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    // the start-up waits for the first verdict, then asks whether the dependency was ready: the other order raced
    @Test
    void shouldCompleteFirstReadyBeforeFirstVerdictWhenTheFirstCheckIsReady() throws Exception {
        ReadinessMonitor monitor = monitor(() -> Future.succeededFuture(new Readiness.Ready(CLOCK.instant())));
        AtomicReference<Boolean> readySeenWithVerdict = new AtomicReference<>();
        monitor.firstVerdict()
                .onComplete(v -> readySeenWithVerdict.set(monitor.firstReady().succeeded()));

        monitor.start();
        monitor.firstVerdict().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        monitor.stop();

        assertThat(readySeenWithVerdict.get()).isTrue();
    }

    @Test
    void shouldGiveAVerdictButNotReadyWhenTheFirstCheckFails() throws Exception {
        ReadinessMonitor monitor =
                monitor(() -> Future.succeededFuture(new Readiness.NotReady("kafka unreachable", CLOCK.instant())));

        monitor.start();
        monitor.firstVerdict().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        monitor.stop();

        assertThat(monitor.firstReady().isComplete()).isFalse();
        assertThat(monitor.current()).isInstanceOf(Readiness.NotReady.class);
    }

    private ReadinessMonitor monitor(Supplier<Future<Readiness>> check) {
        return new ReadinessMonitor(
                vertx, "kafka", check, "kafka answers", Duration.ofSeconds(30), Duration.ofSeconds(5), CLOCK);
    }
}
