package dev.credrift.events.credential;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.credrift.events.ContractViolation;
import java.util.regex.Pattern;

/** An access key id as it may appear outside memory, e.g. {@code AKIA…XYZ9}; made by {@link AccessKeyMask}. */
public record MaskedKeyId(String value) {

    /** The mask character, U+2026 HORIZONTAL ELLIPSIS. */
    public static final String ELLIPSIS = "\u2026";

    static final String PATTERN = "[!-~]{0,4}\u2026[!-~]{0,4}";
    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    /** Requires the masked shape: up to 4 printable ASCII characters, "…", up to 4 more. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public MaskedKeyId {
        if (value == null || !COMPILED.matcher(value).matches()) {
            throw new ContractViolation(
                    null, "a masked access key id must be up to 4 printable ASCII characters, '\u2026', up to 4 more");
        }
    }

    /** The masked text. */
    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** The masked text. */
    @Override
    public String toString() {
        return value;
    }
}
