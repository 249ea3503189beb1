package dev.credrift.events.credential;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.credrift.events.ContractViolation;
import java.util.regex.Pattern;

/**
 * The only form in which a credential leaves process memory: 16 bytes of an HMAC, as exactly 22
 * base64url characters without padding (see {@link Fingerprinter}).
 */
public record Fingerprint(String value) {

    // 16 bytes are 128 bits; 22 base64 characters carry 132, so the last one has its low 2 bits
    // zero: only A, Q, g or w can end a canonical encoding.
    static final String PATTERN = "[A-Za-z0-9_-]{21}[AQgw]";
    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    /** Requires exactly 22 base64url characters encoding 16 bytes. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public Fingerprint {
        if (value == null || !COMPILED.matcher(value).matches()) {
            throw new ContractViolation(null, "a fingerprint must be 22 base64url characters encoding 16 bytes");
        }
    }

    /** The 22 characters. */
    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** The 22 characters. */
    @Override
    public String toString() {
        return value;
    }
}
