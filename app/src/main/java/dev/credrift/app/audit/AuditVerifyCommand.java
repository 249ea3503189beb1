package dev.credrift.app.audit;

import dev.credrift.app.cli.BootstrapServersConverter;
import dev.credrift.app.cli.DurationConverter;
import dev.credrift.app.cli.Environment;
import dev.credrift.app.config.ConfigOption;
import dev.credrift.app.config.CredriftConfig;
import dev.credrift.app.config.SecretUnavailableException;
import dev.credrift.app.kafka.BootstrapServers;
import dev.credrift.app.roles.KubernetesClients;
import dev.credrift.app.run.RunCommand;
import dev.credrift.events.BindingId;
import dev.credrift.events.Topic;
import dev.credrift.events.Topics;
import dev.credrift.events.audit.AuditKeys;
import dev.credrift.events.audit.AuditReport;
import dev.credrift.events.audit.AuditVerifier;
import dev.credrift.events.audit.ChainAnchor;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code credrift audit verify}: is every binding's audit chain complete, in order, unaltered and sealed? */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Read the audit topic from its beginning to its current end (or an exported audit.jsonl with"
                    + " --file), verify every binding's chain (removed, reordered or altered records; keyed records with the"
                    + " audit keys) and, with a kubeconfig, that each chain reaches the head its binding's status holds"
                    + " (a truncated tail). Prints a summary per binding.",
            "Exit status: 0 intact, 1 at least one finding, 2 usage error, 3 the topic, file, keys or cluster could"
                    + " not be read."
        })
public final class AuditVerifyCommand implements Callable<Integer> {

    static final int FINDINGS = 1;
    static final int UNREADABLE = 3;

    private final Environment environment;

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--kafka",
            paramLabel = "HOST:PORT[,HOST:PORT...]",
            converter = BootstrapServersConverter.class,
            description =
                    "Kafka bootstrap servers (default: CREDRIFT_KAFKA_BOOTSTRAP, else kafka.bootstrapServers of the config).")
    private BootstrapServers kafka;

    @Option(
            names = "--topic",
            paramLabel = "TOPIC",
            description = "The audit topic (default: <kafka.topicPrefix of the config, else credrift>.audit).")
    private String topic;

    @Option(
            names = "--file",
            paramLabel = "FILE",
            description = "Verify an exported file instead of the topic: one CloudEvent (JSON) per line, as"
                    + " `credrift sandbox --out` writes audit.jsonl.")
    private Path file;

    @Option(
            names = "--audit-key",
            paramLabel = "FILE",
            description = "An audit key file (repeatable: the current key and the rotated-out ones); added to"
                    + " audit.keyFile and audit.previousKeyFiles of the config.")
    private List<Path> auditKeys = new ArrayList<>();

    @Option(
            names = "--kubeconfig",
            paramLabel = "FILE",
            description = "Check each chain against the head in its binding's status on this cluster (default:"
                    + " kubernetes.kubeconfig of the config, if set).")
    private Path kubeconfig;

    @Option(
            names = "--context",
            paramLabel = "NAME",
            description = "The kubeconfig context (default: kubernetes.context of the config).")
    private String context;

    @Option(
            names = "--require-keyed",
            description = "Count unkeyed records (written before an audit key was configured) as findings.")
    private boolean requireKeyed;

    @Option(
            names = "--from-any-record",
            description = "Accept chains that start after sequence 1 (retention removed their beginning); the first"
                    + " record of each chain is then trusted as its anchor.")
    private boolean fromAnyRecord;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description =
                    "The configuration file, for kafka, audit and kubernetes settings (default: CREDRIFT_CONFIG).")
    private Path configFile;

    @Option(
            names = "--timeout",
            defaultValue = "60s",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Bound on reading the whole topic (default: ${DEFAULT-VALUE}).")
    private Duration timeout;

    public AuditVerifyCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        CommandLine commandLine = spec.commandLine();
        CredriftConfig config = ConfigOption.load(configFile, environment, commandLine);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new CommandLine.ParameterException(commandLine, "--timeout must be positive");
        }
        if (file != null && (kafka != null || topic != null)) {
            throw new CommandLine.ParameterException(commandLine, "--file reads a file: leave out --kafka and --topic");
        }
        PrintWriter out = commandLine.getOut();
        PrintWriter err = commandLine.getErr();
        List<AuditStream> streams;
        AuditKeys keys;
        Map<BindingId, ChainAnchor> anchors;
        try {
            keys = AuditKeyFiles.forVerifying(auditKeys, config.audit());
            streams = file != null ? new AuditFileReader().read(file) : List.of(readTopic(config, commandLine));
            anchors = anchors(config, err);
        } catch (AuditReadException | SecretUnavailableException | IllegalArgumentException e) {
            err.println("credrift: " + e.getMessage());
            err.flush();
            return UNREADABLE;
        }
        AuditVerifier verifier = fromAnyRecord ? AuditVerifier.fromAnyRecord(keys) : AuditVerifier.fromGenesis(keys);
        boolean intact = true;
        for (AuditStream stream : streams) {
            // a file of several sandbox worlds: a live status belongs to one cluster, so anchors apply to a single
            // stream
            AuditReport report = verifier.verify(stream.records(), streams.size() == 1 ? anchors : Map.of());
            AuditSummary.lines(stream, report, fromAnyRecord).forEach(out::println);
            intact &= AuditSummary.intact(stream, report)
                    && (!requireKeyed || report.unkeyed().isEmpty());
        }
        out.println("audit keys: "
                + (keys.ids().isEmpty()
                        ? "none given (keyed records cannot be checked)"
                        : String.join(", ", keys.ids()))
                + (anchorsChecked(config)
                        ? "; chain heads: " + anchors.size() + " from the bindings' status"
                        : "; chain heads: not checked (no kubeconfig: a truncated tail goes unseen)"));
        if (requireKeyed && !intact) {
            out.println("--require-keyed: unkeyed records count as findings");
        }
        out.flush();
        return intact ? 0 : FINDINGS;
    }

    private AuditStream readTopic(CredriftConfig config, CommandLine commandLine) {
        BootstrapServers bootstrap = bootstrap(config)
                .orElseThrow(() -> new CommandLine.ParameterException(
                        commandLine,
                        "needs Kafka: --kafka HOST:PORT, " + RunCommand.KAFKA_ENVIRONMENT_VARIABLE
                                + " or kafka.bootstrapServers in the config (or --file FILE)"));
        String auditTopic = topic != null
                ? topic
                : Topics.withPrefix(config.kafka().topicPrefix().orElse(Topics.DEFAULT_PREFIX))
                        .name(Topic.AUDIT);
        return new AuditTopicReader(
                        bootstrap,
                        config.kafka()
                                .resolveProperties(name -> environment.get(name).orElse(null)),
                        timeout)
                .read(auditTopic);
    }

    private boolean anchorsChecked(CredriftConfig config) {
        return kubeconfig != null
                || context != null
                || config.kubernetes().kubeconfig().isPresent();
    }

    private Map<BindingId, ChainAnchor> anchors(CredriftConfig config, PrintWriter err) {
        if (!anchorsChecked(config)) {
            return Map.of();
        }
        CredriftConfig.Kubernetes settings = new CredriftConfig.Kubernetes(
                Optional.ofNullable(kubeconfig).or(() -> config.kubernetes().kubeconfig()),
                Optional.ofNullable(context).or(() -> config.kubernetes().context()));
        try (KubernetesClient client = KubernetesClients.create(settings)) {
            return new StatusAnchors(client).read(note -> err.println("credrift: " + note));
        }
    }

    private Optional<BootstrapServers> bootstrap(CredriftConfig config) {
        if (kafka != null) {
            return Optional.of(kafka);
        }
        Optional<BootstrapServers> fromEnvironment = environment
                .get(RunCommand.KAFKA_ENVIRONMENT_VARIABLE)
                .map(value -> {
                    try {
                        return BootstrapServers.parse(value);
                    } catch (IllegalArgumentException e) {
                        throw new CommandLine.ParameterException(
                                spec.commandLine(), RunCommand.KAFKA_ENVIRONMENT_VARIABLE + ": " + e.getMessage());
                    }
                });
        return fromEnvironment.isPresent() ? fromEnvironment : config.kafka().bootstrapServers();
    }
}
