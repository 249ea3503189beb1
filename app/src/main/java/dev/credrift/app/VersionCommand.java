package dev.credrift.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code credrift version}: prints the version to stdout. */
@Command(
        name = "version",
        description = "Print the credrift version and exit.",
        mixinStandardHelpOptions = true,
        versionProvider = Version.Provider.class)
public final class VersionCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().println(Version.line());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
