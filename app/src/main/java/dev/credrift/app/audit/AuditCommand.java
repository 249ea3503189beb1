package dev.credrift.app.audit;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code credrift audit}: a group; its only command is {@code verify}. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Work with the hash-chained audit topic.")
public final class AuditCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: use 'credrift audit verify'");
    }
}
