package dev.credrift.app.sandbox.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.sandbox.kafka.KafkaBroker;
import dev.credrift.sandbox.kafka.KafkaBrokerExtension;
import dev.credrift.sandbox.kube.RequestCounts;
import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The scale benchmark end to end at N = 3: sane values, not timings. */
@ExtendWith(KafkaBrokerExtension.class)
class ScaleBenchmarkIT {

    @Test
    void shouldMeasureEveryBindingsDetectionHealAndCredriftsRequestsWhenThreeRotateAtOnce(KafkaBroker broker) {
        Vertx vertx = Vertx.vertx();
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        try {
            ScenarioResult r = new ScaleBenchmark(
                            broker, vertx, new PrintStream(progress, true, StandardCharsets.UTF_8))
                    .run(new ScaleBenchmark.Scenario(3, 0));

            assertThat(r.driftBeforeRotation())
                    .as("a still world drifts nowhere")
                    .isZero();
            assertThat(r.notDetected()).isZero();
            assertThat(r.detection().count()).isEqualTo(3);
            assertThat(r.detection().p50())
                    .isPositive()
                    .isLessThanOrEqualTo(r.detection().max());
            assertThat(r.heal().count()).as("the budgets let all three heal").isEqualTo(3);
            assertThat(r.heal().p50()).isGreaterThan(r.detection().p50());
            assertThat(r.requests().get(RequestCounts.Verb.PATCH))
                    .as("rollouts and status patches")
                    .isPositive();
            assertThat(r.totalRequests()).isGreaterThan(r.requests().get(RequestCounts.Verb.PATCH));
            assertThat(r.steadyPerBindingHour()).isNotNegative();
            assertThat(r.credriftCpuSeconds()).isPositive().isLessThanOrEqualTo(r.processCpuSeconds());
            assertThat(r.heapMb()).isPositive();
            assertThat(r.worldHeapMb()).isPositive();
            assertThat(r.threadStarts()).isNotNegative();
            assertThat(r.observations())
                    .as("at least the three rotations' observations")
                    .isGreaterThanOrEqualTo(3);
            assertThat(r.windowSeconds()).isPositive();
            assertThat(BenchTable.render(List.of(r))).contains("| 3 | ").contains(" | 3/3 | ");
            assertThat(progress.toString(StandardCharsets.UTF_8)).contains("▶ scale-3", "3/3 bindings assessed");
        } finally {
            ScaleBenchmark.close(vertx);
        }
    }
}
