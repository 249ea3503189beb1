package dev.credrift.events.audit;

import dev.credrift.events.ContractViolation;
import dev.credrift.events.credential.SecretValue;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A key that seals audit records: {@code hash = hex(HMAC-SHA256(key, prevHash ‖ canonical JSON))}. Without it nobody
 * can recompute a record's hash, so a rewrite of the chain cannot pass verification.
 *
 * <p>Its {@link #id()} is derived from the key — {@code HMAC-SHA256(key, "credrift audit key id")}, first 9 bytes,
 * base64url (12 characters) — so the id in each record names the key without a registry to keep in step and
 * without revealing it. Separate from the fingerprint key: rotating one never touches the other. Thread-safe.
 */
public final class AuditKey {

    /** The shortest key accepted, in bytes. */
    public static final int MIN_KEY_BYTES = 16;

    private static final String ALGORITHM = "HmacSHA256";
    private static final byte[] ID_LABEL = "credrift audit key id".getBytes(StandardCharsets.US_ASCII);
    private static final int ID_BYTES = 9;

    private final SecretKeySpec key;
    private final String id;

    private AuditKey(byte[] key) {
        this.key = new SecretKeySpec(key, ALGORITHM);
        this.id = Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(mac(ID_LABEL), ID_BYTES));
    }

    /**
     * @param key at least {@value #MIN_KEY_BYTES} bytes; copied
     * @throws ContractViolation if too short (the message gives the length only)
     */
    public static AuditKey of(byte[] key) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new ContractViolation(
                    "audit key",
                    "must be at least " + MIN_KEY_BYTES + " bytes, got "
                            + (key == null ? "none" : key.length + " bytes"));
        }
        return new AuditKey(key);
    }

    /** The key's public name, written into every record it seals. */
    public String id() {
        return id;
    }

    /** Lowercase hex HMAC-SHA256 over {@code prevHash ‖ canonical}. */
    String seal(String prevHash, String canonical) {
        return HexFormat.of()
                .formatHex(mac(prevHash.getBytes(StandardCharsets.UTF_8), canonical.getBytes(StandardCharsets.UTF_8)));
    }

    private byte[] mac(byte[]... parts) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable in this JVM", e);
        }
    }

    /** The id only, never the key. */
    @Override
    public String toString() {
        return "AuditKey[id=" + id + ", key=" + SecretValue.REDACTED + "]";
    }
}
