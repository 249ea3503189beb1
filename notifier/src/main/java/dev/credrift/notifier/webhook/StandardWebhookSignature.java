package dev.credrift.notifier.webhook;

import dev.credrift.events.credential.SecretValue;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks signature (standardwebhooks.com, spec v1): headers {@code webhook-id} (stable per event and
 * sink: the {@code Idempotency-Key}), {@code webhook-timestamp} (unix seconds) and {@code webhook-signature: v1,<base64
 * HMAC-SHA256(key, id + "." + timestamp + "." + body)>}. The secret is {@code whsec_} + base64 of the key (24 to 64
 * bytes). Key rotation: the secret file may hold several secrets separated by whitespace (new first); each signs, and
 * the signatures go space-separated into one header, so receivers holding either key accept the delivery.
 */
public final class StandardWebhookSignature {

    public static final String ID = "webhook-id";
    public static final String TIMESTAMP = "webhook-timestamp";
    public static final String SIGNATURE = "webhook-signature";

    static final String PREFIX = "whsec_";
    private static final int MIN_KEY_BYTES = 24;
    private static final int MAX_KEY_BYTES = 64;
    private static final String ALGORITHM = "HmacSHA256";

    private StandardWebhookSignature() {}

    /**
     * Checks that the secret holds one or more well-formed {@code whsec_} secrets.
     *
     * @throws IllegalArgumentException saying what is wrong, never quoting the secret
     */
    public static void check(SecretValue secret) {
        keys(secret).forEach(key -> Arrays.fill(key, (byte) 0));
    }

    /** The three headers for a delivery of {@code body} with id {@code id} at {@code unixSeconds}. */
    public static Map<String, String> headers(SecretValue secret, String id, long unixSeconds, byte[] body) {
        String timestamp = Long.toString(unixSeconds);
        List<String> signatures = new ArrayList<>();
        for (byte[] key : keys(secret)) {
            try {
                signatures.add("v1," + Base64.getEncoder().encodeToString(hmac(key, id, timestamp, body)));
            } finally {
                Arrays.fill(key, (byte) 0);
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ID, id);
        headers.put(TIMESTAMP, timestamp);
        headers.put(SIGNATURE, String.join(" ", signatures));
        return headers;
    }

    private static List<byte[]> keys(SecretValue secret) {
        // reveal(): the secrets leave their wrapper only to be decoded into MAC keys
        String[] parts = secret.reveal().strip().split("\\s+");
        List<byte[]> keys = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            String which = parts.length == 1 ? "the secret" : "secret " + (i + 1) + " of " + parts.length;
            if (!parts[i].startsWith(PREFIX)) {
                throw new IllegalArgumentException(which + " must start with '" + PREFIX + "' (Standard Webhooks)");
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(parts[i].substring(PREFIX.length()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(which + " is not base64 after '" + PREFIX + "'");
            }
            if (key.length < MIN_KEY_BYTES || key.length > MAX_KEY_BYTES) {
                Arrays.fill(key, (byte) 0);
                throw new IllegalArgumentException(
                        which + " decodes to " + key.length + " bytes; Standard Webhooks keys" + " are " + MIN_KEY_BYTES
                                + " to " + MAX_KEY_BYTES + " (e.g. whsec_$(head -c 32 /dev/urandom | base64))");
            }
            keys.add(key);
        }
        return keys;
    }

    private static byte[] hmac(byte[] key, String id, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            mac.update(body);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            // the message names no key material
            throw new IllegalStateException(
                    "HMAC-SHA256 is not available: " + e.getClass().getSimpleName());
        }
    }
}
