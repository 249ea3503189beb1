package dev.credrift.events.credential;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.credrift.events.ContractViolation;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import javax.crypto.Mac;

/**
 * A secret (e.g. an S3 secret access key) that never shows itself: redacted in {@code toString},
 * refused by Jackson, compared in constant time, with a hash code that ignores the value.
 */
@JsonSerialize(using = RefuseToSerialize.class)
@JsonDeserialize(using = RefuseToDeserialize.class)
public final class SecretValue {

    /** What {@link #toString()} prints instead of the value. */
    public static final String REDACTED = "<redacted>";

    private final byte[] utf8;

    private SecretValue(byte[] utf8) {
        this.utf8 = utf8;
    }

    /** Wraps a secret given as text. */
    public static SecretValue of(String value) {
        if (value == null) {
            throw new ContractViolation("secret", "must not be null");
        }
        return new SecretValue(value.getBytes(StandardCharsets.UTF_8));
    }

    /** Wraps a secret given as bytes (e.g. Kubernetes Secret data); they must be valid UTF-8. */
    public static SecretValue fromUtf8(byte[] bytes) {
        if (bytes == null) {
            throw new ContractViolation("secret", "must not be null");
        }
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            // the decoder's message names the offending byte: drop it
            throw new ContractViolation("secret", "must be valid UTF-8");
        }
        return new SecretValue(bytes.clone());
    }

    /**
     * The value itself, for the few places that must hand it on (1Password write, Secret data).
     * Greppable on purpose: every call site is a place where a credential leaves this type.
     */
    public String reveal() {
        return new String(utf8, StandardCharsets.UTF_8);
    }

    /** Whether the secret is the empty string (a typical symptom of a half-written Secret). */
    public boolean isEmpty() {
        return utf8.length == 0;
    }

    // Feeds the HMAC without copying the value out of this object.
    void updateMac(Mac mac) {
        mac.update(utf8);
    }

    /** Constant-time comparison of the two values. */
    @Override
    public boolean equals(Object o) {
        return o instanceof SecretValue other && MessageDigest.isEqual(utf8, other.utf8);
    }

    /** Deliberately the same for every value, so hash codes say nothing about the secret. */
    @Override
    public int hashCode() {
        return 0x5EC2E7;
    }

    /** Always {@value #REDACTED}. */
    @Override
    public String toString() {
        return REDACTED;
    }
}
