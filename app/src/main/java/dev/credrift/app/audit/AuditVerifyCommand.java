package dev.credrift.app.audit;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

import dev.credrift.app.cli.BootstrapServersConverter;
import dev.credrift.app.cli.DurationConverter;
import dev.credrift.app.cli.Environment;
import dev.credrift.app.config.ConfigOption;
import dev.credrift.app.config.CredriftConfig;
import dev.credrift.app.config.SecretUnavailableException;
import dev.credrift.app.kafka.BootstrapServers;
import dev.credrift.app.run.RunCommand;
import dev.credrift.events.Topic;
import dev.credrift.events.Topics;
import dev.credrift.events.audit.AuditReport;
import dev.credrift.events.audit.AuditVerifier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code credrift audit verify}: is every binding's audit chain complete, in order and unaltered? */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Read the audit topic from its beginning to its current end, verify every binding's hash chain"
                + " (removed, reordered or altered records) and print a summary per binding.",
                "Exit status: 0 intact, 1 at least one finding, 2 usage error, 3 the topic could not be read."})
public final class AuditVerifyCommand implements Callable<Integer> {

    static final int FINDINGS = 1;
    static final int UNREADABLE = 3;

    private final Environment environment;

    @Spec
    private CommandSpec spec;

    @Option(names = "--kafka", paramLabel = "HOST:PORT[,HOST:PORT...]", converter = BootstrapServersConverter.class,
            description = "Kafka bootstrap servers (default: CREDRIFT_KAFKA_BOOTSTRAP, else kafka.bootstrapServers of the config).")
    private BootstrapServers kafka;

    @Option(names = "--topic", paramLabel = "TOPIC",
            description = "The audit topic (default: <kafka.topicPrefix of the config, else credrift>.audit).")
    private String topic;

    @Option(names = "--from-any-record",
            description = "Accept chains that start after sequence 1 (retention removed their beginning); the first"
                    + " record of each chain is then trusted as its anchor.")
    private boolean fromAnyRecord;

    @Option(names = "--config", paramLabel = "FILE",
            description = "The configuration file, for kafka settings (default: CREDRIFT_CONFIG).")
    private Path configFile;

    @Option(names = "--timeout", defaultValue = "60s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Bound on reading the whole topic (default: ${DEFAULT-VALUE}).")
    private Duration timeout;

    public AuditVerifyCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        CommandLine commandLine = spec.commandLine();
        CredriftConfig config = ConfigOption.load(configFile, environment, commandLine);
        BootstrapServers bootstrap = bootstrap(config).orElseThrow(() -> new CommandLine.ParameterException(commandLine,
                "needs Kafka: --kafka HOST:PORT, " + RunCommand.KAFKA_ENVIRONMENT_VARIABLE + " or kafka.bootstrapServers in the config"));
        if (timeout.isNegative() || timeout.isZero()) {
            throw new CommandLine.ParameterException(commandLine, "--timeout must be positive");
        }
        String auditTopic = topic != null ? topic
                : Topics.withPrefix(config.kafka().topicPrefix().orElse(Topics.DEFAULT_PREFIX)).name(Topic.AUDIT);
        PrintWriter out = commandLine.getOut();
        PrintWriter err = commandLine.getErr();
        AuditStream stream;
        try {
            stream = new AuditTopicReader(bootstrap, config.kafka().resolveProperties(name -> environment.get(name).orElse(null)),
                    timeout).read(auditTopic);
        } catch (AuditReadException | SecretUnavailableException e) {
            err.println("credrift: " + e.getMessage());
            err.flush();
            return UNREADABLE;
        }
        AuditReport report = (fromAnyRecord ? AuditVerifier.fromAnyRecord() : AuditVerifier.fromGenesis()).verify(stream.records());
        AuditSummary.lines(stream, report, bootstrap.value(), fromAnyRecord).forEach(out::println);
        out.flush();
        return AuditSummary.intact(stream, report) ? 0 : FINDINGS;
    }

    private Optional<BootstrapServers> bootstrap(CredriftConfig config) {
        if (kafka != null) {
            return Optional.of(kafka);
        }
        Optional<BootstrapServers> fromEnvironment = environment.get(RunCommand.KAFKA_ENVIRONMENT_VARIABLE).map(value -> {
            try {
                return BootstrapServers.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), RunCommand.KAFKA_ENVIRONMENT_VARIABLE + ": " + e.getMessage());
            }
        });
        return fromEnvironment.isPresent() ? fromEnvironment : config.kafka().bootstrapServers();
    }
}
