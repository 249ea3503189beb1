package dev.credrift.sandbox.kafka;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Hands out names that stay distinct within a JVM (the sequence) and across JVMs sharing one broker,
 * e.g. a Testcontainers broker reused by several Maven modules (the run id).
 */
final class UniqueNames {

    /** Kafka's legal topic characters; 200 leaves room for the suffix under Kafka's 249 limit. */
    private static final Pattern LEGAL_PREFIX = Pattern.compile("[a-zA-Z0-9._-]{1,200}");

    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final String RUN_ID = runId();

    private UniqueNames() {}

    static String next(String prefix) {
        if (prefix == null || !LEGAL_PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("uniqueName prefix must be 1-200 characters of [a-zA-Z0-9._-], got "
                    + (prefix == null ? "null" : "'" + prefix + "'"));
        }
        return prefix + "-" + SEQUENCE.incrementAndGet() + "-" + RUN_ID;
    }

    private static String runId() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        SecureRandom random = new SecureRandom();
        StringBuilder id = new StringBuilder(6);
        for (int i = 0; i < 6; i++) {
            id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return id.toString();
    }
}
