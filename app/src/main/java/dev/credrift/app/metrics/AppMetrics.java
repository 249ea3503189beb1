package dev.credrift.app.metrics;

import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * One Prometheus registry per process, with JVM/process binders attached. Vert.x is pointed at the same registry
 * ({@link #vertxMetricsFactory()}), so a single scrape shows everything.
 */
public final class AppMetrics implements AutoCloseable {

    private final PrometheusMeterRegistry registry;
    private final List<AutoCloseable> closeableBinders = new ArrayList<>();

    private AppMetrics(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    public static AppMetrics create() {
        AppMetrics metrics = new AppMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        metrics.registry.config().commonTags("application", "credrift");
        PrometheusNaming.apply(metrics.registry);
        PrometheusNaming.bindProcessCpuSeconds(metrics.registry);
        for (MeterBinder binder : List.of(
                new ClassLoaderMetrics(),
                new JvmMemoryMetrics(),
                new JvmGcMetrics(),
                new JvmThreadMetrics(),
                new ProcessorMetrics(),
                new UptimeMetrics(),
                new FileDescriptorMetrics())) {
            binder.bindTo(metrics.registry);
            if (binder instanceof AutoCloseable closeable) {
                metrics.closeableBinders.add(closeable);
            }
        }
        return metrics;
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Vert.x options that turn on Vert.x's Micrometer metrics. */
    public VertxOptions vertxOptions() {
        return new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true));
    }

    /** Makes Vert.x publish into this registry instead of a global one. */
    public MicrometerMetricsFactory vertxMetricsFactory() {
        return new MicrometerMetricsFactory(registry);
    }

    @Override
    public void close() {
        for (AutoCloseable binder : closeableBinders) {
            try {
                binder.close();
            } catch (Exception ignored) {
                // a binder failing to unregister its listener must not stop the shutdown
            }
        }
        registry.close();
    }
}
