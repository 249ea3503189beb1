package dev.credrift.events.credential;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.credrift.events.ContractViolation;

/**
 * An access key id with its secret; prints only the masked id, and Jackson refuses it as a whole so
 * that not even the id is half-written before the secret is refused.
 */
@JsonSerialize(using = RefuseToSerialize.class)
@JsonDeserialize(using = RefuseToDeserialize.class)
public record Credential(String accessKeyId, SecretValue secret) {

    /** Requires a non-empty access key id without control characters, and a secret. */
    public Credential {
        if (accessKeyId == null || accessKeyId.isEmpty()) {
            throw new ContractViolation("accessKeyId", "must not be empty");
        }
        if (accessKeyId.chars().anyMatch(Character::isISOControl)) {
            throw new ContractViolation("accessKeyId", "must not contain control characters");
        }
        if (secret == null) {
            throw new ContractViolation("secret", "must not be null");
        }
    }

    /** Shorthand for {@code new Credential(accessKeyId, SecretValue.of(secret))}. */
    public static Credential of(String accessKeyId, String secret) {
        return new Credential(accessKeyId, SecretValue.of(secret));
    }

    /** The access key id as it may appear in events and logs. */
    public MaskedKeyId maskedAccessKeyId() {
        return AccessKeyMask.mask(accessKeyId);
    }

    /** Masked id and redacted secret only. */
    @Override
    public String toString() {
        return "Credential[accessKeyId=" + maskedAccessKeyId() + ", secret=" + SecretValue.REDACTED + "]";
    }
}
