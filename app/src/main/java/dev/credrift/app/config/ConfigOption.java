package dev.credrift.app.config;

import dev.credrift.app.cli.Environment;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine;

/** {@code --config FILE}, else {@value #ENVIRONMENT_VARIABLE}, else no configuration file. */
public final class ConfigOption {

    public static final String ENVIRONMENT_VARIABLE = "CREDRIFT_CONFIG";

    private ConfigOption() {}

    /** The file to read, if any. */
    public static Optional<Path> choose(Path option, Environment environment) {
        if (option != null) {
            return Optional.of(option);
        }
        return environment.get(ENVIRONMENT_VARIABLE).map(Path::of);
    }

    /**
     * Reads the chosen file, or gives {@link CredriftConfig#none()} when there is none.
     *
     * @throws CommandLine.ParameterException whose message is the file, line, field and problem
     */
    public static CredriftConfig load(Path option, Environment environment, CommandLine commandLine) {
        Optional<Path> file = choose(option, environment);
        if (file.isEmpty()) {
            return CredriftConfig.none();
        }
        try {
            return ConfigParser.parse(file.get());
        } catch (InvalidConfigException e) {
            throw new CommandLine.ParameterException(commandLine, "configuration " + e.getMessage());
        }
    }
}
