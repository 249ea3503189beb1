package dev.credrift.watcher.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.credrift.connect.ConnectAnswer;
import dev.credrift.events.payload.ProblemCode;
import dev.credrift.watcher.WatcherStats;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class WatcherMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final WatcherMetrics metrics = new WatcherMetrics(registry);

    @Test
    void shouldCountPollsByResultFromZeroWhenConnectAnswers() {
        for (String result : WatcherMetrics.POLL_RESULTS) {
            assertThat(polls(result)).as(result).isZero();
        }

        metrics.polled(new ConnectAnswer.Ok(JsonNodeFactory.instance.arrayNode()));
        metrics.polled(new ConnectAnswer.Failed(403, ProblemCode.FORBIDDEN, "HTTP 403", Optional.empty()));
        metrics.polled(new ConnectAnswer.Failed(0, ProblemCode.UNREACHABLE, "no answer", Optional.empty()));
        metrics.polled(new ConnectAnswer.Failed(503, ProblemCode.UNREACHABLE, "HTTP 503", Optional.empty()));

        assertThat(polls("ok")).isEqualTo(1);
        assertThat(polls("forbidden")).isEqualTo(1);
        assertThat(polls("unreachable")).isEqualTo(2);
        assertThat(polls("not_found")).isZero();
    }

    @Test
    void shouldFollowTheWatchersStatsWhenScraped() {
        AtomicReference<WatcherStats> stats = new AtomicReference<>(new WatcherStats(false, false, 0, 0, 0, 0, 0, 0));
        metrics.bind(stats::get);

        assertThat(registry.get(WatcherMetrics.PUBLISHED).functionCounter().count())
                .isZero();
        assertThat(registry.get("credrift.watcher.caches.synced").gauge().value())
                .isZero();

        stats.set(new WatcherStats(true, true, 3, 7, 42, 1, 0, 2));

        assertThat(registry.get(WatcherMetrics.PUBLISHED).functionCounter().count())
                .isEqualTo(42);
        assertThat(registry.get("credrift.watcher.caches.synced").gauge().value())
                .isEqualTo(1);
        assertThat(registry.get("credrift.watcher.leader").gauge().value()).isEqualTo(1);
        assertThat(registry.get("credrift.watcher.informers").gauge().value()).isEqualTo(7);
        assertThat(registry.get("credrift.watcher.observation.send.failures")
                        .functionCounter()
                        .count())
                .isEqualTo(1);
    }

    private double polls(String result) {
        return registry.get(WatcherMetrics.POLLS)
                .tag("result", result)
                .counter()
                .count();
    }
}
