package dev.credrift.events.credential;

import dev.credrift.events.ContractViolation;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Computes fingerprints: HMAC-SHA256(key, accessKeyId ‖ 0x00 ‖ secret), first 16 bytes, base64url
 * without padding. Thread-safe.
 */
public final class Fingerprinter {

    /** The shortest key accepted, in bytes. */
    public static final int MIN_KEY_BYTES = 16;

    private static final String ALGORITHM = "HmacSHA256";
    private static final int FINGERPRINT_BYTES = 16;

    private final SecretKeySpec key;

    /** @param key the fingerprint key, at least {@value #MIN_KEY_BYTES} bytes; copied */
    public Fingerprinter(byte[] key) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new ContractViolation(
                    "fingerprint key",
                    "must be at least " + MIN_KEY_BYTES + " bytes, got "
                            + (key == null ? "none" : key.length + " bytes"));
        }
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    /** The fingerprint of a credential. */
    public Fingerprint fingerprint(Credential credential) {
        return fingerprint(credential.accessKeyId(), credential.secret());
    }

    /** The fingerprint of an access key id and its secret. */
    public Fingerprint fingerprint(String accessKeyId, SecretValue secret) {
        if (accessKeyId == null || secret == null) {
            throw new ContractViolation(accessKeyId == null ? "accessKeyId" : "secret", "must not be null");
        }
        Mac mac = newMac();
        mac.update(accessKeyId.getBytes(StandardCharsets.UTF_8));
        // the separator keeps ("ab", "c") and ("a", "bc") apart
        mac.update((byte) 0);
        secret.updateMac(mac);
        byte[] digest = mac.doFinal();
        return new Fingerprint(
                Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, FINGERPRINT_BYTES)));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable in this JVM", e);
        }
    }

    /** Never shows the key. */
    @Override
    public String toString() {
        return "Fingerprinter[key=" + SecretValue.REDACTED + "]";
    }
}
