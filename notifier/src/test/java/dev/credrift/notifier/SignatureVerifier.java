package dev.credrift.notifier;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiver's verification of {@code X-Credrift-Signature}, written from the documented scheme with
 * javax.crypto only — independent of the notifier's signing code.
 */
public final class SignatureVerifier {

    private SignatureVerifier() {}

    /** Whether the header is a valid signature of {@code body} under {@code key}, made within {@code tolerance} of {@code now}. */
    public static boolean verify(String header, byte[] body, String key, Instant now, Duration tolerance) {
        if (header == null) {
            return false;
        }
        String timestamp = null;
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length != 2) {
                return false;
            }
            if (kv[0].equals("t")) {
                timestamp = kv[1];
            } else if (kv[0].equals("v1")) {
                signatures.add(kv[1]);
            }
        }
        if (timestamp == null || signatures.isEmpty() || !timestamp.matches("[0-9]{1,12}")) {
            return false;
        }
        long age = Math.abs(now.getEpochSecond() - Long.parseLong(timestamp));
        if (age > tolerance.toSeconds()) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signedPayload = new byte[timestamp.length() + 1 + body.length];
            System.arraycopy(timestamp.getBytes(StandardCharsets.US_ASCII), 0, signedPayload, 0, timestamp.length());
            signedPayload[timestamp.length()] = '.';
            System.arraycopy(body, 0, signedPayload, timestamp.length() + 1, body.length);
            byte[] expected = mac.doFinal(signedPayload);
            StringBuilder hex = new StringBuilder();
            for (byte b : expected) {
                hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
            byte[] expectedHex = hex.toString().getBytes(StandardCharsets.US_ASCII);
            for (String signature : signatures) {
                if (MessageDigest.isEqual(expectedHex, signature.getBytes(StandardCharsets.US_ASCII))) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
