package dev.credrift.reconciler.rotate.keys;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * One change of a {@code CephObjectStoreUser}'s {@code spec.keys}, computed from a read and written only onto that
 * read's {@code resourceVersion}: if the object changed in between (a human edited the list, Rook wrote its status),
 * nothing is written and the change is computed again from a fresh read, a bounded number of times. Blocking; the
 * caller runs it behind the Kubernetes guard.
 */
final class SpecKeysWrite {

    /** How many reads a change may take before it gives up (each conflict costs one). */
    static final int ATTEMPTS = 5;

    /** Writes the list onto one version of the object. */
    @FunctionalInterface
    interface Writer {
        /** @return {@code false} when the object is not at {@code resourceVersion} any more: nothing written */
        boolean write(String resourceVersion, List<Map<String, Object>> keys);
    }

    /**
     * The list before and after the change that was written (or found already made).
     *
     * @param before as read right before the write
     * @param after  as written
     */
    record Written(SpecKeys before, SpecKeys after) {}

    private SpecKeysWrite() {}

    /**
     * @param user   names the object in messages
     * @param read   a fresh read of the object
     * @param change what the list becomes, from the list as read; the same list writes nothing
     * @throws IllegalStateException naming the user when the object changed under every attempt, or when the server
     *                               refused a write onto the version just read
     */
    static Written change(
            String user, Supplier<GenericKubernetesResource> read, Writer writer, UnaryOperator<SpecKeys> change) {
        String refused = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            GenericKubernetesResource object = read.get();
            String version = object.getMetadata().getResourceVersion();
            if (refused != null && refused.equals(version)) {
                // not a conflict: the server refuses the patch itself (the list is not valid for the CRD, say)
                throw new IllegalStateException("the API server refuses the new spec.keys of " + user);
            }
            SpecKeys before = SpecKeys.parse(keys(object));
            SpecKeys after = change.apply(before);
            if (after.equals(before) || writer.write(version, after.toMaps())) {
                return new Written(before, after);
            }
            refused = Objects.requireNonNullElse(version, "");
        }
        throw new IllegalStateException("spec.keys of " + user + " changed under each of " + ATTEMPTS
                + " attempts to change it; tried again later");
    }

    static Object keys(GenericKubernetesResource user) {
        Object spec = user.getAdditionalProperties().get("spec");
        return spec instanceof Map<?, ?> m ? m.get("keys") : null;
    }
}
