package dev.credrift.notifier.config;

/**
 * Notifier configuration that cannot work; names the object (e.g. {@code sink 'slack-oncall'}) and the
 * field, never a secret or URL.
 */
public final class InvalidNotifierConfig extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String object;
    private final String field;

    /**
     * @param object the configured object, e.g. {@code sink 'slack-oncall'} or {@code route #2}
     * @param field  the offending field, e.g. {@code url}
     * @param rule   what it should be, without the value
     */
    public InvalidNotifierConfig(String object, String field, String rule) {
        super(object + ": " + field + " " + rule);
        this.object = object;
        this.field = field;
    }

    /** The configured object at fault. */
    public String object() {
        return object;
    }

    /** The field at fault. */
    public String field() {
        return field;
    }
}
