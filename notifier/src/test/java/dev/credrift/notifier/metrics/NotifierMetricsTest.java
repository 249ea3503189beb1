package dev.credrift.notifier.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotifierMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void shouldExposeEverySinksSeriesAtZeroWhenNothingWasSentYet() {
        new NotifierMetrics(registry, List.of("slack-oncall", "audit-hook"));

        for (String sink : List.of("slack-oncall", "audit-hook")) {
            for (String result : List.of("delivered", "failed")) {
                assertThat(count(sink, result)).as(sink + " " + result).isZero();
            }
            assertThat(registry.get(NotifierMetrics.SUPPRESSED)
                            .tag("sink", sink)
                            .counter()
                            .count())
                    .isZero();
        }
        assertThat(registry.get(NotifierMetrics.DEAD_LETTERS).counter().count()).isZero();
    }

    @Test
    void shouldCountPerSinkAndResultWhenNotificationsAreDeliveredOrFail() {
        NotifierMetrics metrics = new NotifierMetrics(registry, List.of("slack-oncall", "audit-hook"));

        metrics.delivered("slack-oncall");
        metrics.delivered("slack-oncall");
        metrics.failed("audit-hook");
        metrics.suppressed("slack-oncall", 1);

        assertThat(count("slack-oncall", "delivered")).isEqualTo(2);
        assertThat(count("slack-oncall", "failed")).isZero();
        assertThat(count("audit-hook", "failed")).isEqualTo(1);
        assertThat(count("audit-hook", "delivered")).isZero();
        assertThat(registry.get(NotifierMetrics.SUPPRESSED)
                        .tag("sink", "slack-oncall")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    private double count(String sink, String result) {
        return registry.get(NotifierMetrics.NOTIFICATIONS)
                .tag("sink", sink)
                .tag("result", result)
                .counter()
                .count();
    }
}
