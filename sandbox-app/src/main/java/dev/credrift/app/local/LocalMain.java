package dev.credrift.app.local;

import dev.credrift.app.AsyncPool;
import dev.credrift.app.CredriftCommand;
import dev.credrift.app.cli.Environment;
import dev.credrift.app.sandbox.SandboxCommand;
import picocli.CommandLine;

/** The sandbox artifact's entry point (its jar's {@code Main-Class}). */
public final class LocalMain {

    private LocalMain() {}

    public static void main(String[] args) {
        AsyncPool.size();
        System.exit(commandLine(Environment.system()).execute(args));
    }

    /** The production commands, {@code run} on an embedded broker when no Kafka is configured, and {@code sandbox}. */
    public static CommandLine commandLine(Environment environment) {
        return CredriftCommand.commandLine(environment, EmbeddedKafka::start)
                .addSubcommand(new SandboxCommand(environment));
    }
}
