package dev.credrift.notifier.webhook;

import java.util.Arrays;
import java.util.Optional;

/** How a webhook sink signs its deliveries (config {@code signature:}). */
public enum SignatureScheme {

    /** {@code X-Credrift-Signature: t=…,v1=<hex>}, Stripe's shape ({@link WebhookSignature}). */
    CREDRIFT("credrift"),

    /**
     * The Standard Webhooks specification: {@code webhook-id}, {@code webhook-timestamp} and {@code webhook-signature:
     * v1,<base64>} with a {@code whsec_} secret ({@link StandardWebhookSignature}).
     */
    STANDARD_WEBHOOKS("standard-webhooks");

    private final String wireName;

    SignatureScheme(String wireName) {
        this.wireName = wireName;
    }

    /** As written in the config. */
    public String wireName() {
        return wireName;
    }

    /** The scheme a config value names. */
    public static Optional<SignatureScheme> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(value)).findFirst();
    }
}
