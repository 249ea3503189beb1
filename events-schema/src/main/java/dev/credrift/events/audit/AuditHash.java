package dev.credrift.events.audit;

import dev.credrift.events.payload.AuditRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

// hash = hex(HMAC-SHA256(key, prevHash ‖ canonical JSON of the other fields)) for a keyed record, hex(SHA-256(…))
// for an unkeyed one; canonical as in RFC 8785 for the value types we have (strings, one integer): sorted keys, no
// whitespace, minimal escaping. Written by hand so that no mapper setting can ever change a hash. keyId is part of
// the canonical form, so a record cannot be moved under another key.
final class AuditHash {

    private AuditHash() {}

    /** The plain SHA-256 hash of an unkeyed record. */
    static String of(AuditRecord r) {
        return of(r.prevHash(), canonical(r));
    }

    /** The hash the record should carry: sealed with its key, or plain SHA-256 when it names none. */
    static String of(AuditRecord r, AuditKey key) {
        return key == null ? of(r) : key.seal(r.prevHash(), canonical(r));
    }

    /** Whether the record's hash is right under the keys known; empty when it names a key not among them. */
    static Optional<Boolean> matches(AuditRecord r, AuditKeys keys) {
        if (!r.keyed()) {
            return Optional.of(of(r).equals(r.hash()));
        }
        return keys.byId(r.keyId())
                .map(key -> MessageDigest.isEqual(
                        of(r, key).getBytes(StandardCharsets.US_ASCII), r.hash().getBytes(StandardCharsets.US_ASCII)));
    }

    static String canonical(AuditRecord r) {
        Map<String, Object> fields = new TreeMap<>();
        fields.put("action", r.action());
        fields.put("actor", r.actor());
        fields.put("after", r.after() == null ? null : r.after().value());
        fields.put("before", r.before() == null ? null : r.before().value());
        fields.put("bindingId", r.bindingId().toString());
        fields.put("correlationId", r.correlationId());
        fields.put("keyId", r.keyId());
        fields.put("reason", r.reason());
        fields.put("sequence", r.sequence());
        fields.put("time", r.time().toString());
        StringBuilder json = new StringBuilder("{");
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            if (field.getValue() == null) {
                continue;
            }
            if (json.length() > 1) {
                json.append(',');
            }
            string(json, field.getKey());
            json.append(':');
            if (field.getValue() instanceof Long number) {
                json.append(number.longValue());
            } else {
                string(json, (String) field.getValue());
            }
        }
        return json.append('}').toString();
    }

    static String of(String prevHash, String canonical) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(prevHash.getBytes(StandardCharsets.UTF_8));
            sha256.update(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable in this JVM", e);
        }
    }

    private static void string(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
