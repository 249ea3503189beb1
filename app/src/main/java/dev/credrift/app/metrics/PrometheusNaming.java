package dev.credrift.app.metrics;

import com.sun.management.OperatingSystemMXBean;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * Keeps Micrometer's JVM and process meters within Prometheus's naming rules, so that {@code promtool check metrics}
 * passes on every scrape:
 * <ul>
 * <li>{@code process.cpu.time} (base unit {@code ns}) would be {@code process_cpu_time_ns_total}, an abbreviated unit:
 * <em>denied</em>, and replaced by {@code process_cpu_seconds_total}, the name Prometheus's own client libraries use
 * (a filter can rename a meter but not rescale its values, so a new counter reads the same MXBean in seconds);</li>
 * <li>{@code system.cpu.count} would be {@code system_cpu_count}, a gauge ending in {@code _count} (reserved for
 * histograms and summaries): <em>renamed</em> to {@code system.cpu.logical.processors}.</li>
 * <li>Kafka's client metrics (Micrometer's Kafka client binder on the consumers) are ~150 meters per client, several
 * with abbreviated units ({@code io_time_ns_total}, {@code start_time_ms}) or a {@code _count} suffix
 * ({@code connection_count}): only {@link #KAFKA_KEPT} are <em>accepted</em> — lag, consumption, fetches, the group
 * coordinator, poll liveness — and every other {@code kafka.} meter is <em>denied</em>.</li>
 * </ul>
 */
final class PrometheusNaming {

    static final String DENIED_CPU_TIME = "process.cpu.time";
    static final String CPU_COUNT = "system.cpu.count";
    static final String CPU_COUNT_RENAMED = "system.cpu.logical.processors";

    /** The Kafka client meters kept (name prefixes). */
    static final List<String> KAFKA_KEPT = List.of(
            "kafka.consumer.fetch.manager.records.lag",
            "kafka.consumer.fetch.manager.records.lead",
            "kafka.consumer.fetch.manager.records.consumed",
            "kafka.consumer.fetch.manager.fetch",
            "kafka.consumer.coordinator",
            "kafka.consumer.last.poll.seconds.ago",
            "kafka.consumer.poll.idle.ratio");

    private PrometheusNaming() {}

    /** Installs the filters; call before any binder registers. */
    static void apply(MeterRegistry registry) {
        for (String kept : KAFKA_KEPT) {
            registry.config().meterFilter(MeterFilter.acceptNameStartsWith(kept));
        }
        registry.config()
                .meterFilter(MeterFilter.denyNameStartsWith("kafka."))
                .meterFilter(MeterFilter.denyNameStartsWith(DENIED_CPU_TIME))
                .meterFilter(renameIfNamed(CPU_COUNT, CPU_COUNT_RENAMED));
    }

    /** {@code process_cpu_seconds_total}, where the JVM can tell (a HotSpot or OpenJ9 operating-system bean). */
    static void bindProcessCpuSeconds(MeterRegistry registry) {
        OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
        if (os != null && os.getProcessCpuTime() >= 0) {
            FunctionCounter.builder("process.cpu", os, bean -> bean.getProcessCpuTime() / 1e9)
                    .baseUnit("seconds")
                    .description("CPU time used by the credrift process")
                    .register(registry);
        }
    }

    private static MeterFilter renameIfNamed(String from, String to) {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                return id.getName().equals(from) ? id.withName(to) : id;
            }
        };
    }
}
