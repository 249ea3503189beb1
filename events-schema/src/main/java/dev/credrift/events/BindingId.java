package dev.credrift.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/**
 * Identity of a CredentialBinding, {@code <namespace>/<name>}: the Kafka key and CloudEvents subject
 * of every event about that binding.
 */
public record BindingId(String namespace, String name) {

    /** A Kubernetes namespace: an RFC 1123 label of at most 63 characters. */
    static final String NAMESPACE = "[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?";
    /** A Kubernetes object name: an RFC 1123 subdomain of at most 253 characters. */
    static final String NAME = "(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";

    private static final Pattern NAMESPACE_PATTERN = Pattern.compile(NAMESPACE);
    private static final Pattern NAME_PATTERN = Pattern.compile(NAME);

    /** Validates both parts as Kubernetes names. */
    public BindingId {
        if (namespace == null || !NAMESPACE_PATTERN.matcher(namespace).matches()) {
            throw new ContractViolation("namespace", "must be a Kubernetes namespace (RFC 1123 label)");
        }
        if (name == null || !NAME_PATTERN.matcher(name).matches()) {
            throw new ContractViolation("name", "must be a Kubernetes object name (RFC 1123 subdomain)");
        }
    }

    /** Shorthand for {@code new BindingId(namespace, name)}. */
    public static BindingId of(String namespace, String name) {
        return new BindingId(namespace, name);
    }

    /** Parses {@code <namespace>/<name>}. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static BindingId parse(String text) {
        int slash = text == null ? -1 : text.indexOf('/');
        if (slash < 0) {
            throw new ContractViolation(null, "a binding id must look like <namespace>/<name>");
        }
        return new BindingId(text.substring(0, slash), text.substring(slash + 1));
    }

    /** {@code <namespace>/<name>}, as used for the Kafka key and the CloudEvents subject. */
    @JsonValue
    @Override
    public String toString() {
        return namespace + "/" + name;
    }
}
