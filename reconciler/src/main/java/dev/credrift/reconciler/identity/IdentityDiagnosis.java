package dev.credrift.reconciler.identity;

import java.util.Objects;

/**
 * Why STS refused an exchange, for a human: which of {@code sub}, audience, role, expiry, signature, issuer did not
 * match, with the expected and presented claims and STS's own code. Never holds the token.
 */
public record IdentityDiagnosis(Mismatch mismatch, String stsCode, String detail) {

    public IdentityDiagnosis {
        Objects.requireNonNull(mismatch, "mismatch");
        Objects.requireNonNull(stsCode, "stsCode");
        Objects.requireNonNull(detail, "detail");
    }
}
