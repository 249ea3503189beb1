package dev.credrift.events.payload;

import dev.credrift.events.ContractViolation;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

// The Java half of the JSON Schemas: every rule here has its twin in src/main/resources/schemas,
// and SchemaAgreementTest feeds both the same mutated payloads. Messages name fields, never values.
final class Check {

    static final int NAME_MAX = 253;
    static final int TEXT_MAX = 1000;

    /** Codes such as reason and error codes: UPPER_SNAKE_CASE. */
    static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
    /** Opaque identifiers (remediation ids, event ids, resource versions): no spaces, no controls. */
    static final Pattern TOKEN = Pattern.compile("[!-~]{1,128}");

    static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    static final Pattern NAME =
            Pattern.compile("(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private Check() {}

    static <T> T required(T value, String field) {
        if (value == null) {
            throw new ContractViolation(field, "is required");
        }
        return value;
    }

    /** Required human-readable text, 1..max code points. */
    static String text(String value, String field, int max) {
        required(value, field);
        int length = value.codePointCount(0, value.length());
        if (length < 1 || length > max) {
            throw new ContractViolation(field, "must be 1 to " + max + " characters");
        }
        return value;
    }

    static String optionalText(String value, String field, int max) {
        return value == null ? null : text(value, field, max);
    }

    static String matching(String value, Pattern pattern, String field, String rule) {
        required(value, field);
        if (!pattern.matcher(value).matches()) {
            throw new ContractViolation(field, rule);
        }
        return value;
    }

    static String optionalMatching(String value, Pattern pattern, String field, String rule) {
        return value == null ? null : matching(value, pattern, field, rule);
    }

    static String code(String value, String field) {
        return matching(value, CODE, field, "must be an UPPER_SNAKE_CASE code of at most 64 characters");
    }

    static String token(String value, String field) {
        return matching(value, TOKEN, field, "must be 1 to 128 printable ASCII characters without spaces");
    }

    static String optionalToken(String value, String field) {
        return value == null ? null : token(value, field);
    }

    static String namespace(String value, String field) {
        return matching(value, NAMESPACE, field, "must be a Kubernetes namespace (RFC 1123 label)");
    }

    static String name(String value, String field) {
        return matching(value, NAME, field, "must be a Kubernetes object name (RFC 1123 subdomain)");
    }

    static long atLeast(long value, long min, String field) {
        if (value < min) {
            throw new ContractViolation(field, "must be at least " + min);
        }
        return value;
    }

    static Long optionalAtLeast(Long value, long min, String field) {
        return value == null ? null : atLeast(value, min, field);
    }

    /** A required list without null elements, copied. */
    static <T> List<T> list(List<T> value, String field) {
        required(value, field);
        for (int i = 0; i < value.size(); i++) {
            if (value.get(i) == null) {
                throw new ContractViolation(field + "[" + i + "]", "must not be null");
            }
        }
        return List.copyOf(value);
    }

    /** Like {@link #list} and without duplicates (JSON Schema's uniqueItems). */
    static <T> List<T> distinctList(List<T> value, String field) {
        List<T> copy = list(value, field);
        if (new HashSet<>(copy).size() != copy.size()) {
            throw new ContractViolation(field, "must not repeat an item");
        }
        return copy;
    }
}
