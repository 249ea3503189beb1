package dev.credrift.reconciler.identity;

import dev.credrift.events.credential.Credential;
import dev.credrift.events.credential.SecretValue;
import java.time.Instant;
import java.util.Objects;

/** Keys from STS: the key pair, the session token that must go with them, and when they stop working. */
public record TemporaryCredential(Credential credential, SecretValue sessionToken, Instant expiration) {

    public TemporaryCredential {
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(sessionToken, "sessionToken");
        Objects.requireNonNull(expiration, "expiration");
    }

    /** Masked key id and expiry only. */
    @Override
    public String toString() {
        return "TemporaryCredential[" + credential.maskedAccessKeyId() + ", expires " + expiration + "]";
    }
}
