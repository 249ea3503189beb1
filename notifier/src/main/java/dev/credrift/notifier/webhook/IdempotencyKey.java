package dev.credrift.notifier.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The {@code Idempotency-Key} of a delivery: the same for every attempt and every redelivery of one
 * event to one sink, different across sinks (so that receivers sharing a store do not drop each
 * other's copies). 32 lowercase hex characters of SHA-256 over {@code sink NUL eventId}.
 */
public final class IdempotencyKey {

    /** The header's name (the IETF httpapi draft's spelling). */
    public static final String HEADER = "Idempotency-Key";

    private IdempotencyKey() {}

    /** The key for one event and one sink. */
    public static String of(String sink, String eventId) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(sink.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            sha256.update(eventId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JRE has SHA-256", e);
        }
    }
}
