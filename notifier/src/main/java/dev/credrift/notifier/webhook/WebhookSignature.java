package dev.credrift.notifier.webhook;

import dev.credrift.events.credential.SecretValue;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Credrift-Signature} header: {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of t + "." + body>},
 * like Stripe's scheme (see the package documentation for how receivers verify it).
 */
public final class WebhookSignature {

    /** The header's name. */
    public static final String HEADER = "X-Credrift-Signature";

    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSignature() {}

    /** The header value for a body sent at {@code unixSeconds}. */
    public static String header(SecretValue key, long unixSeconds, byte[] body) {
        String timestamp = Long.toString(unixSeconds);
        return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(hmac(key, timestamp, body));
    }

    private static byte[] hmac(SecretValue key, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            // reveal(): the key leaves its wrapper only into the MAC
            mac.init(new SecretKeySpec(key.reveal().getBytes(StandardCharsets.UTF_8), ALGORITHM));
            mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            mac.update(body);
            return mac.doFinal();
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            // every JRE has HmacSHA256 and accepts any non-empty key; the message names no key material
            throw new IllegalStateException(
                    "HMAC-SHA256 is not available: " + e.getClass().getSimpleName());
        }
    }
}
