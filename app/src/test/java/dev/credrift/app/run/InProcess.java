package dev.credrift.app.run;

import dev.credrift.app.CredriftCommand;
import dev.credrift.app.cli.Environment;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine;

/** Starts {@code credrift run ARGS} in this JVM, through the real command line, and talks to its HTTP endpoint. */
public final class InProcess {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private InProcess() {}

    /** Parses {@code run ARGS} as the CLI would (no CREDRIFT_* variables) and starts it. */
    public static RunningCredrift start(String... args) {
        return CredriftRuntime.start(settings(args));
    }

    public static RunSettings settings(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "run";
        System.arraycopy(args, 0, all, 1, args.length);
        CommandLine.ParseResult parsed =
                CredriftCommand.commandLine(Environment.of(Map.of())).parseArgs(all);
        return ((RunCommand) parsed.subcommand().commandSpec().userObject()).settings();
    }

    public static HttpResponse<String> get(RunningCredrift running, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + running.httpPort() + path))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during GET " + path, e);
        }
    }
}
