package dev.credrift.app.notify;

import dev.credrift.app.cli.Environment;
import dev.credrift.app.config.ConfigOption;
import dev.credrift.app.config.CredriftConfig;
import dev.credrift.notifier.NotifierEnvironment;
import dev.credrift.notifier.NotifyTest;
import dev.credrift.notifier.config.InvalidNotifierConfig;
import dev.credrift.notifier.config.SinkConfig;
import dev.credrift.notifier.delivery.DeliveryResult;
import dev.credrift.notifier.routing.BindingLabels;
import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code credrift notify test --sink NAME}: looks the sink up in the configuration, sends the notifier's sample
 * message once (no retry) and prints what the sink answered. Never prints the URL or the signing key: both are
 * credentials (a Slack incoming-webhook URL is one by itself).
 */
@Command(
        name = "test",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Send one sample message to a sink of the configuration and print what it answered.",
            "Exit status: 0 delivered, 1 not delivered (or the sink's URL or key cannot be read), 2 usage error."
        })
public final class NotifyTestCommand implements Callable<Integer> {

    private final Environment environment;

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--sink",
            required = true,
            paramLabel = "NAME",
            description = "The sink's name under notifier.sinks.")
    private String sinkName;

    @Option(names = "--config", paramLabel = "FILE", description = "The configuration file (default: CREDRIFT_CONFIG).")
    private Path configFile;

    public NotifyTestCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        CommandLine commandLine = spec.commandLine();
        if (ConfigOption.choose(configFile, environment).isEmpty()) {
            throw new CommandLine.ParameterException(
                    commandLine,
                    "needs the configuration file that defines the sink: --config FILE or "
                            + ConfigOption.ENVIRONMENT_VARIABLE);
        }
        CredriftConfig config = ConfigOption.load(configFile, environment, commandLine);
        PrintWriter out = commandLine.getOut();
        PrintWriter err = commandLine.getErr();
        Optional<SinkConfig> sink = config.notifier().sink(sinkName);
        if (sink.isEmpty()) {
            err.println("credrift: no sink named '" + sinkName + "' in " + config.describeSource() + "; configured: "
                    + (config.notifier().sinks().isEmpty()
                            ? "none"
                            : String.join(
                                    ", ",
                                    config.notifier().sinks().stream()
                                            .map(SinkConfig::name)
                                            .toList())));
            err.flush();
            return 1;
        }
        SinkConfig chosen = sink.get();
        NotifierEnvironment notifierEnvironment = new NotifierEnvironment(
                Clock.systemUTC(),
                BindingLabels.NONE,
                name -> environment.get(name).orElse(null));
        Duration bound =
                chosen.timeouts().connect().plus(chosen.timeouts().request()).plusSeconds(5);
        Vertx vertx = Vertx.vertx();
        try {
            DeliveryResult result = NotifyTest.send(vertx, chosen, notifierEnvironment)
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(bound.toMillis(), TimeUnit.MILLISECONDS);
            out.println(describe(chosen, result));
            out.flush();
            return result instanceof DeliveryResult.Delivered ? 0 : 1;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            err.println("credrift: "
                    + (cause instanceof InvalidNotifierConfig
                            ? cause.getMessage()
                            : "sending to sink '" + chosen.name() + "' failed ("
                                    + cause.getClass().getSimpleName() + ")"));
            err.flush();
            return 1;
        } catch (TimeoutException e) {
            out.println(header(chosen) + ": NOT DELIVERED — no result within " + bound.toSeconds() + " s");
            out.flush();
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            vertx.close()
                    .toCompletionStage()
                    .toCompletableFuture()
                    .orTimeout(10, TimeUnit.SECONDS)
                    .exceptionally(x -> null)
                    .join();
        }
    }

    /** One line: sink, kind, outcome, code, status and detail — never the URL or key. */
    static String describe(SinkConfig sink, DeliveryResult result) {
        if (result instanceof DeliveryResult.Delivered delivered) {
            return header(sink) + ": delivered (HTTP " + delivered.status() + ", attempt " + delivered.attempts() + ")";
        }
        DeliveryResult.Failed failed = (DeliveryResult.Failed) result;
        var error = failed.error();
        return header(sink) + ": NOT DELIVERED — " + error.code()
                + (error.httpStatus() > 0 ? " (HTTP " + error.httpStatus() + ")" : "") + ": " + error.detail();
    }

    private static String header(SinkConfig sink) {
        return "sink " + sink.name() + " (" + sink.kind().name().toLowerCase(Locale.ROOT) + ")";
    }
}
