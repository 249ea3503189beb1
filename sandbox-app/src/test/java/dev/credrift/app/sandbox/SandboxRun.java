package dev.credrift.app.sandbox;

import dev.credrift.app.cli.Environment;
import dev.credrift.app.local.LocalMain;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;

/**
 * One {@code credrift sandbox} run in this JVM, as the acceptance ITs make it: what it printed on stdout, on its
 * usage channel, and every log line (the log appender follows {@code System.err}, captured for the run).
 *
 * @param exitCode the command's exit status
 * @param printed  stdout: the timeline, hop tables and verdicts
 * @param usage    picocli's error channel
 * @param logged   every log line of the run
 */
record SandboxRun(int exitCode, String printed, String usage, String logged) {

    /** Runs {@code sandbox <args>} with {@code observer} seeing each world, in an environment of {@code variables}. */
    static SandboxRun execute(WorldObserver observer, Map<String, String> variables, String... args) {
        StringWriter stdout = new StringWriter();
        StringWriter usage = new StringWriter();
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        CommandLine commandLine = LocalMain.commandLine(Environment.of(variables));
        commandLine.setOut(new PrintWriter(stdout));
        commandLine.setErr(new PrintWriter(usage));
        ((SandboxCommand) commandLine.getSubcommands().get("sandbox").getCommand()).observeWorlds(observer);
        PrintStream originalErr = System.err;
        PrintStream originalOut = System.out;
        int exitCode;
        try (PrintStream capture = new PrintStream(logs, true, StandardCharsets.UTF_8)) {
            System.setErr(capture);
            System.setOut(capture);
            String[] all = new String[args.length + 1];
            all[0] = "sandbox";
            System.arraycopy(args, 0, all, 1, args.length);
            exitCode = commandLine.execute(all);
        } finally {
            System.setErr(originalErr);
            System.setOut(originalOut);
        }
        String printed = stdout.toString();
        originalOut.println(printed);
        return new SandboxRun(exitCode, printed, usage.toString(), logs.toString(StandardCharsets.UTF_8));
    }
}
