package dev.credrift.reconciler.world;

import dev.credrift.api.CredentialBinding;
import dev.credrift.api.spec.CredentialBindingSpec;
import dev.credrift.api.validation.ValidationResult;
import dev.credrift.events.BindingId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A CredentialBinding as read for one handling.
 *
 * @param resource    the binding, typed
 * @param generation  {@code metadata.generation} (0 when the server reports none)
 * @param annotations its annotations (never {@code null})
 * @param validation  what the validator says of its spec
 */
public record BoundBinding(
        BindingId id,
        CredentialBinding resource,
        long generation,
        Map<String, String> annotations,
        ValidationResult validation) {

    /** The annotation a human sets to lift a halt. */
    public static final String CLEAR_HALT_ANNOTATION = "credrift.dev/clear-halt";

    public BoundBinding {
        // an annotation without a value is not there (the mock API server keeps merge-patched nulls)
        Map<String, String> present = new HashMap<>();
        annotations.forEach((k, v) -> {
            if (k != null && v != null) {
                present.put(k, v);
            }
        });
        annotations = Map.copyOf(present);
    }

    public CredentialBindingSpec spec() {
        return resource.getSpec();
    }

    /** The value of {@value #CLEAR_HALT_ANNOTATION}, if set. */
    public Optional<String> clearHaltRequest() {
        return Optional.ofNullable(annotations.get(CLEAR_HALT_ANNOTATION));
    }
}
