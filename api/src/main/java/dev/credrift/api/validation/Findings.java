package dev.credrift.api.validation;

import dev.credrift.api.WireEnum;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects violations while the validator walks a spec, with the field checks every part needs. Each check states
 * the rule, never the value it found.
 */
final class Findings {

    static final int MAX_LABEL = 63;
    static final int MAX_SUBDOMAIN = 253;

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern DATA_KEY = Pattern.compile("[-._a-zA-Z0-9]+");
    private static final Pattern HOST_NAME =
            Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([-A-Za-z0-9]*[A-Za-z0-9])?)*");
    private static final Pattern REGION = Pattern.compile("[a-z0-9]([-a-z0-9_]*[a-z0-9])?");

    private final List<Violation> violations = new ArrayList<>();

    void error(String path, String message) {
        violations.add(Violation.error(path, message));
    }

    void warning(String path, String message) {
        violations.add(Violation.warning(path, message));
    }

    List<Violation> violations() {
        return violations;
    }

    /** True when {@code value} is present; otherwise records {@code required}. Blank strings count as absent. */
    boolean required(String path, Object value) {
        if (value == null || value instanceof String text && text.isBlank()) {
            error(path, "required");
            return false;
        }
        return true;
    }

    /** True when an optional string is present and not blank; a present but blank one is an error. */
    boolean optional(String path, String value) {
        if (value == null) {
            return false;
        }
        if (value.isBlank()) {
            error(path, "must not be empty");
            return false;
        }
        return true;
    }

    <E extends Enum<E> & WireEnum> void known(String path, E value, Class<E> type) {
        if (value != null && value.wireName() == null) {
            error(path, "must be one of " + WireEnum.allowed(type));
        }
    }

    void namespace(String path, String value) {
        if (value.length() > MAX_LABEL || !LABEL.matcher(value).matches()) {
            error(path, "must be a namespace name (lowercase RFC 1123 label: a-z, 0-9, '-', at most 63 characters)");
        }
    }

    void label(String path, String value) {
        if (value.length() > MAX_LABEL || !LABEL.matcher(value).matches()) {
            error(path, "must be a lowercase RFC 1123 label (a-z, 0-9, '-', at most 63 characters)");
        }
    }

    void objectName(String path, String value) {
        if (value.length() > MAX_SUBDOMAIN || !SUBDOMAIN.matcher(value).matches()) {
            error(
                    path,
                    "must be an object name (lowercase RFC 1123 subdomain: a-z, 0-9, '-', '.', at most 253"
                            + " characters)");
        }
    }

    void dataKey(String path, String value) {
        if (value.length() > MAX_SUBDOMAIN || !DATA_KEY.matcher(value).matches()) {
            error(path, "must be a data key (letters, digits, '-', '_', '.', at most 253 characters)");
        }
    }

    void hostName(String path, String value) {
        if (value.length() > MAX_SUBDOMAIN || !HOST_NAME.matcher(value).matches()) {
            error(path, "must be a DNS name");
        }
    }

    void region(String path, String value) {
        if (value.length() > MAX_LABEL || !REGION.matcher(value).matches()) {
            error(path, "must be a region name (a-z, 0-9, '-', '_', at most 63 characters)");
        }
    }

    void maxLength(String path, String value, int max) {
        if (value.length() > max) {
            error(path, "must be at most " + max + " characters");
        }
    }

    /**
     * An {@code http://} or {@code https://} URL naming a host, with no user-info, query or fragment. User-info
     * would put a credential in the spec; the message says so without repeating it.
     *
     * @return the parsed URI, or {@code null} when it is not acceptable
     */
    URI httpUrl(String path, String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            error(path, "must be an http:// or https:// URL");
            return null;
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            error(path, "must be an http:// or https:// URL");
            return null;
        }
        if (uri.getRawUserInfo() != null
                || uri.getRawAuthority() != null && uri.getRawAuthority().contains("@")) {
            error(path, "must not carry credentials (user-info) in the URL");
            return null;
        }
        if (uri.getHost() == null) {
            error(path, "must name a host");
            return null;
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            error(path, "must not have a query or fragment");
            return null;
        }
        return uri;
    }
}
