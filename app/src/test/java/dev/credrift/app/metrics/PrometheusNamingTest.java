package dev.credrift.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

class PrometheusNamingTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    @Test
    void shouldExposeCpuInSecondsAndNoCountSuffixWhenProcessorMetricsAreBound() {
        PrometheusNaming.apply(registry);
        PrometheusNaming.bindProcessCpuSeconds(registry);
        new ProcessorMetrics().bindTo(registry);

        String scrape = registry.scrape();

        assertThat(scrape)
                .contains("process_cpu_seconds_total ")
                .contains("system_cpu_logical_processors ")
                .doesNotContain("process_cpu_time_ns_total")
                .doesNotContain("system_cpu_count");
    }

    @Test
    void shouldKeepOnlyLagAndLivenessWhenKafkaClientMetersRegister() {
        PrometheusNaming.apply(registry);
        for (String name : new String[] {
            "kafka.consumer.fetch.manager.records.lag.max",
            "kafka.consumer.io.time.ns",
            "kafka.consumer.connection.count",
            "kafka.app.info.start.time.ms",
            "kafka.consumer.coordinator.assigned.partitions"
        }) {
            Gauge.builder(name, () -> 1).register(registry);
        }

        String scrape = registry.scrape();

        assertThat(scrape)
                .contains("kafka_consumer_fetch_manager_records_lag_max ")
                .contains("kafka_consumer_coordinator_assigned_partitions ")
                .doesNotContain("io_time_ns")
                .doesNotContain("connection_count")
                .doesNotContain("start_time_ms");
    }
}
