package dev.credrift.app;

import dev.credrift.app.cli.Environment;

/** The {@code credrift} entry point (the jar's {@code Main-Class}). */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        AsyncPool.size();
        System.exit(CredriftCommand.commandLine(Environment.system()).execute(args));
    }
}
