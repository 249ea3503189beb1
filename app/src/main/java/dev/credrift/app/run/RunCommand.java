package dev.credrift.app.run;

import dev.credrift.app.cli.BootstrapServersConverter;
import dev.credrift.app.cli.DurationConverter;
import dev.credrift.app.cli.Environment;
import dev.credrift.app.config.ConfigOption;
import dev.credrift.app.config.CredriftConfig;
import dev.credrift.app.kafka.BootstrapServers;
import dev.credrift.app.kafka.KafkaAdminException;
import dev.credrift.app.kafka.KafkaFallback;
import dev.credrift.app.kafka.KafkaNotConfiguredException;
import dev.credrift.app.kafka.TopicLayout;
import dev.credrift.app.roles.Role;
import dev.credrift.app.roles.RoleSelection;
import dev.credrift.events.Topics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Run credrift: its roles (watcher, reconciler, notifier), the HTTP endpoint (/healthz, /readyz,"
                    + " /metrics) and the Kafka topics they need.",
            "Kafka comes from --kafka, CREDRIFT_KAFKA_BOOTSTRAP or kafka.bootstrapServers in the config; without"
                    + " any, the production build refuses to start and the local launcher (./credrift) starts an"
                    + " embedded single-node broker whose data is deleted on exit."
        },
        footer = {
            "",
            "Roles:",
            "  watcher     cluster -> observations. Needs fingerprintKeyFile.",
            "  reconciler  observations -> healing, outcomes, audit.",
            "              Needs fingerprintKeyFile and onePassword.",
            "  notifier    outcomes -> Slack and signed webhooks (notifier.sinks).",
            "Without a configuration file only the notifier starts (with no sinks)."
        })
public final class RunCommand implements Callable<Integer> {

    public static final String KAFKA_ENVIRONMENT_VARIABLE = "CREDRIFT_KAFKA_BOOTSTRAP";

    // no static logger: this class is created before the log format is known
    private final Environment environment;

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--http-host",
            defaultValue = "0.0.0.0",
            paramLabel = "ADDRESS",
            description = "Address the HTTP endpoint listens on (default: ${DEFAULT-VALUE}).")
    private String httpHost;

    @Option(
            names = "--http-port",
            defaultValue = "8080",
            paramLabel = "PORT",
            description = "Port of the HTTP endpoint; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    private int httpPort;

    @Option(
            names = "--kafka",
            paramLabel = "HOST:PORT[,HOST:PORT...]",
            converter = BootstrapServersConverter.class,
            description =
                    "Kafka bootstrap servers (default: CREDRIFT_KAFKA_BOOTSTRAP, else kafka.bootstrapServers of the"
                            + " config; the local launcher falls back on an embedded broker).")
    private BootstrapServers kafka;

    @Option(
            names = "--topic-prefix",
            paramLabel = "PREFIX",
            description = "Topic names are PREFIX.observations, PREFIX.outcomes, PREFIX.audit, PREFIX.state,"
                    + " PREFIX.deadletter; consumer groups PREFIX-notifier, PREFIX-reconciler"
                    + " (default: kafka.topicPrefix of the config, else " + Topics.DEFAULT_PREFIX + ").")
    private String topicPrefix;

    @Option(
            names = "--partitions",
            paramLabel = "N",
            description =
                    "Partitions of each credrift topic created at start (default: kafka.partitions of the config, else 3).")
    private Integer partitions;

    @Option(
            names = "--replication-factor",
            paramLabel = "N",
            description = "Replication factor of each credrift topic created at start"
                    + " (default: kafka.replicationFactor of the config, else 1).")
    private Short replicationFactor;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description =
                    "The configuration file (YAML: kafka, fingerprintKeyFile, kubernetes, onePassword, notifier,"
                            + " watcher, reconciler). Default: CREDRIFT_CONFIG; without one only the notifier (with no sinks) can run.")
    private Path configFile;

    @Option(
            names = "--roles",
            paramLabel = "ROLE[,ROLE...]",
            split = ",",
            hideParamSyntax = true,
            description = "Roles to run in this process: watcher, reconciler, notifier (default: all three; without a"
                    + " configuration file only those that need none).")
    private List<Role> roles;

    @Option(
            names = "--kafka-timeout",
            defaultValue = "10s",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Bound on every Kafka admin call and readiness check (default: ${DEFAULT-VALUE}).")
    private Duration kafkaTimeout;

    @Option(
            names = "--kubernetes-timeout",
            defaultValue = "10s",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description =
                    "Bound on each check of the Kubernetes API, at start and in the background; the watcher and the"
                            + " reconciler start once it answers (default: ${DEFAULT-VALUE}).")
    private Duration kubernetesTimeout;

    @Option(
            names = "--readiness-interval",
            defaultValue = "5s",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "How often readiness is re-checked in the background (default: ${DEFAULT-VALUE}).")
    private Duration readinessInterval;

    @Option(
            names = "--shutdown-timeout",
            defaultValue = "30s",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Bound on the whole shutdown after SIGTERM/SIGINT (default: ${DEFAULT-VALUE}).")
    private Duration shutdownTimeout;

    private final KafkaFallback kafkaFallback;

    /** The production command: no Kafka configured is an error. */
    public RunCommand(Environment environment) {
        this(environment, KafkaFallback.REFUSE);
    }

    public RunCommand(Environment environment, KafkaFallback kafkaFallback) {
        this.environment = environment;
        this.kafkaFallback = kafkaFallback;
    }

    /**
     * The parsed options as settings; the Kafka bootstrap falls back to {@value #KAFKA_ENVIRONMENT_VARIABLE}.
     *
     * @throws CommandLine.ParameterException naming the option or variable whose value is wrong
     */
    public RunSettings settings() {
        CredriftConfig config = ConfigOption.load(configFile, environment, spec.commandLine());
        int partitions = this.partitions != null
                ? this.partitions
                : config.kafka().partitions().orElse(3);
        short replicationFactor = this.replicationFactor != null
                ? this.replicationFactor
                : config.kafka().replicationFactor().orElse((short) 1);
        String topicPrefix = this.topicPrefix != null
                ? this.topicPrefix
                : config.kafka().topicPrefix().orElse(Topics.DEFAULT_PREFIX);
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
        requirePositive("--kubernetes-timeout", kubernetesTimeout);
        requirePositive("--readiness-interval", readinessInterval);
        requirePositive("--shutdown-timeout", shutdownTimeout);
        Topics topics;
        try {
            topics = Topics.withPrefix(topicPrefix);
        } catch (IllegalArgumentException e) {
            throw usage("--topic-prefix: " + e.getMessage());
        }
        RoleSelection selection;
        try {
            selection = RoleSelection.choose(roles == null ? Optional.empty() : Optional.of(Set.copyOf(roles)), config);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        return new RunSettings(
                httpHost,
                httpPort,
                bootstrapServers(config),
                new TopicLayout(topics, partitions, replicationFactor),
                kafkaTimeout,
                kubernetesTimeout,
                readinessInterval,
                shutdownTimeout,
                config,
                topicPrefix,
                selection.roles(),
                selection.notices(),
                name -> environment.get(name).orElse(null));
    }

    /** Option, then {@value #KAFKA_ENVIRONMENT_VARIABLE}, then the config file; none: the {@link KafkaFallback}. */
    private Optional<BootstrapServers> bootstrapServers(CredriftConfig config) {
        if (kafka != null) {
            return Optional.of(kafka);
        }
        Optional<BootstrapServers> fromEnvironment = environment
                .get(KAFKA_ENVIRONMENT_VARIABLE)
                .map(value -> {
                    try {
                        return BootstrapServers.parse(value);
                    } catch (IllegalArgumentException e) {
                        throw usage(KAFKA_ENVIRONMENT_VARIABLE + ": " + e.getMessage());
                    }
                });
        return fromEnvironment.isPresent() ? fromEnvironment : config.kafka().bootstrapServers();
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
        CompletableFuture<Void> abortStart = new CompletableFuture<>();
        // registered before start, so that SIGTERM during a slow start still stops a broker it started
        Thread hook = new Thread(
                () -> {
                    log.info(
                            "signal received, shutting down (at most {} ms)",
                            settings.shutdownTimeout().toMillis());
                    abortStart.complete(null);
                    closeOnceStarted(started, settings.shutdownTimeout(), log);
                    exitCode.complete(0);
                    // Log4j's own hook is disabled so that the lines above are not lost; stop it last
                    LogManager.shutdown();
                },
                "credrift-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);

        RunningCredrift running;
        try {
            running = CredriftRuntime.start(settings, kafkaFallback, Clock.systemUTC(), abortStart);
            started.complete(running);
        } catch (CredriftStartupException e) {
            started.completeExceptionally(e);
            if (e.getCause() instanceof KafkaAdminException || e.getCause() instanceof KafkaNotConfiguredException) {
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
