package dev.credrift.sandbox.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a receiver checks a signed delivery, written from the published descriptions and not from credrift's signing
 * code, so that the sink is an independent check: credrift's {@code X-Credrift-Signature: t=…,v1=<hex HMAC-SHA256 of
 * t.body>} (key: the secret's UTF-8 bytes) or Standard Webhooks ({@code webhook-id}, {@code webhook-timestamp},
 * {@code webhook-signature: v1,<base64 HMAC-SHA256 of id.timestamp.body>} separated by spaces, key: base64 after
 * {@code whsec_}). Both refuse a timestamp more than 5 minutes from the sink's clock.
 */
public sealed interface ReceiverSignature {

    Duration TOLERANCE = Duration.ofMinutes(5);

    /** The scheme's name, as in a sink's {@code signature:} setting. */
    String scheme();

    /** Checks one request received at {@code now}. */
    SignatureVerdict check(Map<String, List<String>> headers, byte[] body, Instant now);

    /** credrift's scheme with its signing key. */
    static ReceiverSignature credrift(String key) {
        return new Credrift(key);
    }

    /** Standard Webhooks with one {@code whsec_} secret. */
    static ReceiverSignature standardWebhooks(String secret) {
        return new StandardWebhooks(secret);
    }

    /** {@code X-Credrift-Signature}. */
    record Credrift(String key) implements ReceiverSignature {
        static final String HEADER = "X-Credrift-Signature";

        @Override
        public String scheme() {
            return "credrift";
        }

        @Override
        public SignatureVerdict check(Map<String, List<String>> headers, byte[] body, Instant now) {
            Optional<String> header = first(headers, HEADER);
            if (header.isEmpty()) {
                return new SignatureVerdict(scheme(), SignatureVerdict.Result.ABSENT, null, "");
            }
            String timestamp = null;
            List<String> signatures = new ArrayList<>();
            for (String part : header.get().split(",")) {
                String[] pair = part.split("=", 2);
                if (pair.length == 2 && pair[0].equals("t")) {
                    timestamp = pair[1];
                } else if (pair.length == 2 && pair[0].equals("v1")) {
                    signatures.add(pair[1]);
                }
            }
            if (timestamp == null || signatures.isEmpty()) {
                return new SignatureVerdict(
                        scheme(), SignatureVerdict.Result.INVALID, header.get(), "no t= or v1= in the header");
            }
            String expected = HexFormat.of()
                    .formatHex(hmac(
                            key.getBytes(StandardCharsets.UTF_8),
                            (timestamp + ".").getBytes(StandardCharsets.UTF_8),
                            body));
            return ReceiverSignature.verdict(
                    scheme(), header.get(), timestamp, now, signatures.stream().anyMatch(s -> same(s, expected)));
        }

        @Override
        public String toString() {
            return "Credrift[key=<redacted>]";
        }
    }

    /** Standard Webhooks. */
    record StandardWebhooks(String secret) implements ReceiverSignature {

        @Override
        public String scheme() {
            return "standard-webhooks";
        }

        @Override
        public SignatureVerdict check(Map<String, List<String>> headers, byte[] body, Instant now) {
            Optional<String> header = first(headers, "webhook-signature");
            if (header.isEmpty()) {
                return new SignatureVerdict(scheme(), SignatureVerdict.Result.ABSENT, null, "");
            }
            Optional<String> id = first(headers, "webhook-id");
            Optional<String> timestamp = first(headers, "webhook-timestamp");
            if (id.isEmpty() || timestamp.isEmpty()) {
                return new SignatureVerdict(
                        scheme(),
                        SignatureVerdict.Result.INVALID,
                        header.get(),
                        "webhook-id or webhook-timestamp missing");
            }
            byte[] key = Base64.getDecoder().decode(secret.substring(secret.startsWith("whsec_") ? 6 : 0));
            String expected = "v1,"
                    + Base64.getEncoder()
                            .encodeToString(hmac(
                                    key,
                                    (id.get() + "." + timestamp.get() + ".").getBytes(StandardCharsets.UTF_8),
                                    body));
            boolean matches = List.of(header.get().split(" ")).stream().anyMatch(s -> same(s, expected));
            return ReceiverSignature.verdict(scheme(), header.get(), timestamp.get(), now, matches);
        }

        @Override
        public String toString() {
            return "StandardWebhooks[secret=<redacted>]";
        }
    }

    private static SignatureVerdict verdict(
            String scheme, String header, String timestamp, Instant now, boolean matches) {
        if (!matches) {
            return new SignatureVerdict(scheme, SignatureVerdict.Result.INVALID, header, "no signature matches");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return new SignatureVerdict(
                    scheme, SignatureVerdict.Result.INVALID, header, "the timestamp is not a number");
        }
        if (Math.abs(now.getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
            return new SignatureVerdict(
                    scheme,
                    SignatureVerdict.Result.INVALID,
                    header,
                    "the timestamp is more than " + TOLERANCE.toMinutes() + " minutes off");
        }
        return new SignatureVerdict(scheme, SignatureVerdict.Result.VALID, header, "");
    }

    private static Optional<String> first(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                .map(e -> e.getValue().get(0))
                .findFirst();
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(byte[] key, byte[] prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(prefix);
            mac.update(body);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "HMAC-SHA256 is not available: " + e.getClass().getSimpleName());
        }
    }
}
