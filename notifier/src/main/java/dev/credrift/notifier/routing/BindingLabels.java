package dev.credrift.notifier.routing;

import dev.credrift.events.BindingId;
import java.util.Map;

/**
 * The labels of a CredentialBinding, for routing events that carry none of their own (the reconciler's
 * outcome events carry the binding's labels in {@code bindinglabels}); {@link #NONE} knows no labels.
 */
@FunctionalInterface
public interface BindingLabels {

    /** Knows no labels. */
    BindingLabels NONE = binding -> Map.of();

    /** The binding's labels now, or an empty map if unknown; must not block. */
    Map<String, String> labelsOf(BindingId binding);
}
