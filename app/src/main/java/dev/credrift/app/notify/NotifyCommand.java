package dev.credrift.app.notify;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code credrift notify}: a group; its only command is {@code test}. */
@Command(
        name = "notify",
        mixinStandardHelpOptions = true,
        description = "Check notification sinks (Slack, signed webhooks) of the configuration.")
public final class NotifyCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "Missing command: use 'credrift notify test --sink NAME'");
    }
}
