package dev.credrift.sandbox.rgw;

import dev.credrift.events.credential.SecretValue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The secret keys a cluster handed out, so that no text leaving {@link RealRgw} (exception messages, log tails)
 * carries one — even if a daemon or {@code radosgw-admin} ever printed it where we quote from.
 */
final class KnownSecrets {

    static final String REDACTED = "<redacted>";
    // radosgw-admin's JSON shape, caught even for secrets we never parsed (a half-written answer)
    private static final Pattern SECRET_FIELD = Pattern.compile("(\"secret_key\"\\s*:\\s*\")[^\"]*(\")");

    private final Set<String> secrets = ConcurrentHashMap.newKeySet();

    void remember(SecretValue secret) {
        String value = secret.reveal();
        if (!value.isEmpty()) {
            secrets.add(value);
        }
    }

    String scrub(String text) {
        String scrubbed = SECRET_FIELD.matcher(text).replaceAll("$1" + REDACTED + "$2");
        for (String secret : secrets) {
            scrubbed = scrubbed.replace(secret, REDACTED);
        }
        return scrubbed;
    }
}
