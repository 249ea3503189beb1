package dev.credrift.app.config;

import dev.credrift.app.cli.Environment;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options of the commands that talk to a cluster from a workstation ({@code check}, {@code rotate}): the
 * configuration file and the kubeconfig/context that override its {@code kubernetes} section. A picocli mixin, so the
 * options read and behave the same in every such command.
 */
public final class ClusterOptions {

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "The configuration file: kubernetes, onePassword, fingerprintKeyFile"
                    + " (default: CREDRIFT_CONFIG).")
    private Path configFile;

    @Option(names = "--kubeconfig", paramLabel = "FILE", description = "Overrides kubernetes.kubeconfig of the config.")
    private Path kubeconfig;

    @Option(names = "--context", paramLabel = "NAME", description = "Overrides kubernetes.context of the config.")
    private String context;

    /**
     * The configuration chosen by {@code --config} or {@value ConfigOption#ENVIRONMENT_VARIABLE}, if any.
     *
     * @throws CommandLine.ParameterException whose message is the file, line, field and problem
     */
    public CredriftConfig load(Environment environment, CommandLine commandLine) {
        return ConfigOption.load(configFile, environment, commandLine);
    }

    /** The configuration's {@code kubernetes} section with {@code --kubeconfig} and {@code --context} applied. */
    public CredriftConfig.Kubernetes kubernetes(CredriftConfig config) {
        return new CredriftConfig.Kubernetes(
                Optional.ofNullable(kubeconfig).or(() -> config.kubernetes().kubeconfig()),
                Optional.ofNullable(context).or(() -> config.kubernetes().context()));
    }
}
