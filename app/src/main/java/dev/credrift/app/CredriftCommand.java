package dev.credrift.app;

import dev.credrift.app.audit.AuditCommand;
import dev.credrift.app.audit.AuditVerifyCommand;
import dev.credrift.app.check.CheckCommand;
import dev.credrift.app.cli.Environment;
import dev.credrift.app.kafka.KafkaFallback;
import dev.credrift.app.logging.LogFormat;
import dev.credrift.app.notify.NotifyCommand;
import dev.credrift.app.notify.NotifyTestCommand;
import dev.credrift.app.rotate.RotateCommand;
import dev.credrift.app.run.RunCommand;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code credrift} command. It only holds what every subcommand shares — the log format — and
 * applies it before any subcommand runs, so that the very first log line has the chosen format.
 */
@Command(
        name = "credrift",
        mixinStandardHelpOptions = true,
        versionProvider = Version.Provider.class,
        description = {
            "Keeps S3 credentials consistent across the object store, 1Password, External Secrets and the pods"
                    + " that use them, and heals the cluster when they drift apart.",
            ""
        },
        footer = {
            "",
            "Environment: CREDRIFT_CONFIG (same as --config), CREDRIFT_KAFKA_BOOTSTRAP (same as --kafka),"
                    + " CREDRIFT_LOG_FORMAT (text|json)."
        },
        subcommands = {CommandLine.HelpCommand.class})
public final class CredriftCommand implements Callable<Integer> {

    private final Environment environment;
    private LogFormat logFormat;

    @Spec
    private CommandSpec spec;

    CredriftCommand(Environment environment) {
        this.environment = environment;
    }

    /** The production command tree, reading {@code CREDRIFT_*} variables from {@code environment}. */
    public static CommandLine commandLine(Environment environment) {
        return commandLine(environment, KafkaFallback.REFUSE);
    }

    /**
     * The command tree with {@code run}'s answer to "no Kafka configured"; the local artifact passes an embedded broker
     * and adds {@code sandbox} to the tree.
     */
    public static CommandLine commandLine(Environment environment, KafkaFallback kafkaFallback) {
        CredriftCommand top = new CredriftCommand(environment);
        CommandLine commandLine = new CommandLine(top)
                .addSubcommand(new VersionCommand())
                .addSubcommand(new RunCommand(environment, kafkaFallback))
                .addSubcommand(new CommandLine(new NotifyCommand()).addSubcommand(new NotifyTestCommand(environment)))
                .addSubcommand(new CommandLine(new AuditCommand()).addSubcommand(new AuditVerifyCommand(environment)))
                .addSubcommand(new CheckCommand(environment))
                .addSubcommand(new RotateCommand(environment))
                .setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler(CredriftCommand::shortUsageError);
        commandLine.setExecutionStrategy(parseResult -> {
            top.applyLogFormat();
            return new CommandLine.RunLast().execute(parseResult);
        });
        return commandLine;
    }

    /** The error and a pointer to --help, instead of picocli's default of the whole usage text. */
    private static int shortUsageError(CommandLine.ParameterException error, String[] args) {
        CommandLine command = error.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(command.getColorScheme().errorText("credrift: " + error.getMessage()));
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(error, err)) {
            err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
        }
        err.flush();
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    @Option(
            names = "--log-format",
            scope = ScopeType.INHERIT,
            paramLabel = "text|json",
            description = "Log format: text (default) or json (Elastic Common Schema, one object per line)."
                    + " Default from CREDRIFT_LOG_FORMAT.")
    void setLogFormat(LogFormat logFormat) {
        this.logFormat = logFormat;
    }

    /** The format chosen by option, else environment, else text. */
    public LogFormat logFormat() {
        try {
            return LogFormat.resolve(Optional.ofNullable(logFormat), environment.get(LogFormat.ENVIRONMENT_VARIABLE));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    void applyLogFormat() {
        logFormat().apply();
    }

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(
                spec.commandLine(),
                "Missing command: use one of "
                        + String.join(", ", spec.subcommands().keySet()));
    }
}
