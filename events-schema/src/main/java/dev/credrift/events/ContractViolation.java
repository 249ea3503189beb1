package dev.credrift.events;

/**
 * A value that breaks the event contract; names the field and the rule, never the offending value.
 */
public final class ContractViolation extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String rule;

    /**
     * @param field the offending field relative to the object being built, or {@code null} when the
     *              value as a whole is wrong (a malformed fingerprint, say)
     * @param rule  what the value should have been, e.g. "must not be empty"; never the value itself
     */
    public ContractViolation(String field, String rule) {
        super(field == null ? rule : field + " " + rule);
        this.field = field;
        this.rule = rule;
    }

    /** The offending field, or {@code null} when the value as a whole is wrong. */
    public String field() {
        return field;
    }

    /** The rule that was broken, without the value. */
    public String rule() {
        return rule;
    }
}
