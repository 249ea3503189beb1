package dev.credrift.sandbox.world.spec;

/**
 * Where something was written: file name (as given), line and column, both from 1.
 *
 * @param file   the file name or built-in world name
 * @param line   the line, from 1
 * @param column the column, from 1
 */
public record SourceLocation(String file, int line, int column) {

    /** For things built in code rather than read from a file. */
    public static SourceLocation inCode(String what) {
        return new SourceLocation(what, 0, 0);
    }

    /** {@code file:line:column}. */
    @Override
    public String toString() {
        return line == 0 ? file : file + ":" + line + ":" + column;
    }
}
