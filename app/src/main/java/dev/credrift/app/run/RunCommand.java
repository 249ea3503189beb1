package dev.credrift.app.run;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.credrift.app.cli.BootstrapServersConverter;
import dev.credrift.app.cli.DurationConverter;
import dev.credrift.app.cli.Environment;
import dev.credrift.app.kafka.BootstrapServers;
import dev.credrift.app.kafka.KafkaAdminException;
import dev.credrift.app.kafka.TopicLayout;
import dev.credrift.events.Topics;
import org.apache.logging.log4j.LogManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code credrift run}: starts credrift and serves until SIGTERM/SIGINT, then shuts down within the shutdown
 * timeout. Exits 1 if start-up fails or Kafka turns out to hold topics credrift cannot use.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run credrift: the HTTP endpoint (/healthz, /readyz, /metrics) and the Kafka topics it needs.",
                "Without --kafka (or CREDRIFT_KAFKA_BOOTSTRAP) an embedded single-node Kafka broker is started;"
                        + " its data is deleted on exit."})
public final class RunCommand implements Callable<Integer> {

    public static final String KAFKA_ENVIRONMENT_VARIABLE = "CREDRIFT_KAFKA_BOOTSTRAP";

    // no static logger: this class is created before the log format is known
    private final Environment environment;

    @Spec
    private CommandSpec spec;

    @Option(names = "--http-host", defaultValue = "0.0.0.0", paramLabel = "ADDRESS",
            description = "Address the HTTP endpoint listens on (default: ${DEFAULT-VALUE}).")
    private String httpHost;

    @Option(names = "--http-port", defaultValue = "8080", paramLabel = "PORT",
            description = "Port of the HTTP endpoint; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    private int httpPort;

    @Option(names = "--kafka", paramLabel = "HOST:PORT[,HOST:PORT...]", converter = BootstrapServersConverter.class,
            description = "Kafka bootstrap servers (default: CREDRIFT_KAFKA_BOOTSTRAP, else an embedded broker).")
    private BootstrapServers kafka;

    @Option(names = "--topic-prefix", defaultValue = Topics.DEFAULT_PREFIX, paramLabel = "PREFIX",
            description = "Topic names are PREFIX.observations, PREFIX.outcomes, PREFIX.audit, PREFIX.state,"
                    + " PREFIX.deadletter (default: ${DEFAULT-VALUE}).")
    private String topicPrefix;

    @Option(names = "--partitions", defaultValue = "3", paramLabel = "N",
            description = "Partitions of each credrift topic created at start (default: ${DEFAULT-VALUE}).")
    private int partitions;

    @Option(names = "--replication-factor", defaultValue = "1", paramLabel = "N",
            description = "Replication factor of each credrift topic created at start (default: ${DEFAULT-VALUE}).")
    private short replicationFactor;

    @Option(names = "--kafka-timeout", defaultValue = "10s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Bound on every Kafka admin call and readiness check (default: ${DEFAULT-VALUE}).")
    private Duration kafkaTimeout;

    @Option(names = "--readiness-interval", defaultValue = "5s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How often readiness is re-checked in the background (default: ${DEFAULT-VALUE}).")
    private Duration readinessInterval;

    @Option(names = "--shutdown-timeout", defaultValue = "30s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Bound on the whole shutdown after SIGTERM/SIGINT (default: ${DEFAULT-VALUE}).")
    private Duration shutdownTimeout;

    public RunCommand(Environment environment) {
        this.environment = environment;
    }

    /**
     * The parsed options as settings; the Kafka bootstrap falls back to {@value #KAFKA_ENVIRONMENT_VARIABLE}.
     *
     * @throws CommandLine.ParameterException naming the option or variable whose value is wrong
     */
    public RunSettings settings() {
        if (partitions < 1) {
            throw usage("--partitions must be at least 1, got " + partitions);
        }
        if (replicationFactor < 1) {
            throw usage("--replication-factor must be at least 1, got " + replicationFactor);
        }
        if (httpPort < 0 || httpPort > 65_535) {
            throw usage("--http-port must be 0-65535, got " + httpPort);
        }
        requirePositive("--kafka-timeout", kafkaTimeout);
        requirePositive("--readiness-interval", readinessInterval);
        requirePositive("--shutdown-timeout", shutdownTimeout);
        Topics topics;
        try {
            topics = Topics.withPrefix(topicPrefix);
        } catch (IllegalArgumentException e) {
            throw usage("--topic-prefix: " + e.getMessage());
        }
        return new RunSettings(httpHost, httpPort, bootstrapServers(), new TopicLayout(topics, partitions, replicationFactor),
                kafkaTimeout, readinessInterval, shutdownTimeout);
    }

    private Optional<BootstrapServers> bootstrapServers() {
        if (kafka != null) {
            return Optional.of(kafka);
        }
        return environment.get(KAFKA_ENVIRONMENT_VARIABLE).map(value -> {
            try {
                return BootstrapServers.parse(value);
            } catch (IllegalArgumentException e) {
                throw usage(KAFKA_ENVIRONMENT_VARIABLE + ": " + e.getMessage());
            }
        });
    }

    private void requirePositive(String option, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw usage(option + " must be positive, got " + value);
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    @Override
    public Integer call() {
        RunSettings settings = settings();
        Logger log = LoggerFactory.getLogger(RunCommand.class);
        CompletableFuture<RunningCredrift> started = new CompletableFuture<>();
        CompletableFuture<Integer> exitCode = new CompletableFuture<>();
        // registered before start, so that SIGTERM during a slow start still stops the embedded broker
        Thread hook = new Thread(() -> {
            log.info("signal received, shutting down (at most {} ms)", settings.shutdownTimeout().toMillis());
            closeOnceStarted(started, settings.shutdownTimeout(), log);
            exitCode.complete(0);
            // Log4j's own hook is disabled so that the lines above are not lost; stop it last
            LogManager.shutdown();
        }, "credrift-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);

        RunningCredrift running;
        try {
            running = CredriftRuntime.start(settings);
            started.complete(running);
        } catch (CredriftStartupException e) {
            started.completeExceptionally(e);
            if (e.getCause() instanceof KafkaAdminException) {
                log.error("credrift failed to start: {}", e.getMessage());
            } else {
                log.error("credrift failed to start: {}", e.getMessage(), e.getCause());
            }
            removeHook(hook);
            return 1;
        }
        running.fatal().whenComplete((ignored, failure) -> {
            if (failure != null) {
                log.error("stopping: {}", failure.getMessage());
                exitCode.complete(1);
            }
        });
        int code = exitCode.join();
        if (code != 0 && removeHook(hook)) {
            running.close();
        }
        return code;
    }

    private static void closeOnceStarted(CompletableFuture<RunningCredrift> started, Duration timeout, Logger log) {
        try {
            started.get(timeout.toMillis(), TimeUnit.MILLISECONDS).close();
        } catch (ExecutionException startFailed) {
            // a failed start has already stopped what it had started
        } catch (TimeoutException e) {
            log.warn("start did not finish within {} ms; exiting without a clean shutdown", timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return false if the JVM is already shutting down (the hook then does the closing) */
    private static boolean removeHook(Thread hook) {
        try {
            return Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            return false;
        }
    }
}
