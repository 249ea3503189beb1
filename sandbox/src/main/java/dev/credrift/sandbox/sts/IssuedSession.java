package dev.credrift.sandbox.sts;

import dev.credrift.events.credential.Credential;
import dev.credrift.events.credential.SecretValue;
import java.time.Instant;

/** Temporary keys an STS handed out: the key pair, the session token and when they expire. Prints no secret. */
public record IssuedSession(
        Credential credential, SecretValue sessionToken, Instant expiration, String roleArn, String sessionName) {

    @Override
    public String toString() {
        return "IssuedSession[" + credential.maskedAccessKeyId() + ", role " + roleArn + ", expires " + expiration
                + "]";
    }
}
