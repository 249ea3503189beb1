package dev.credrift.app.config.yaml;

/**
 * The text is not YAML credrift can read. The message gives only a position and our own words: the YAML library's
 * messages quote the offending line, which may hold a secret someone pasted into the file.
 */
public final class YamlSyntaxException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    public YamlSyntaxException(int line, int column, String problem) {
        super(problem);
        this.line = line;
        this.column = column;
    }

    /** 1-based; 0 if unknown. */
    public int line() {
        return line;
    }

    /** 1-based; 0 if unknown. */
    public int column() {
        return column;
    }
}
