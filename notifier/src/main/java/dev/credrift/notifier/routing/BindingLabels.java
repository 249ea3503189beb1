package dev.credrift.notifier.routing;

import dev.credrift.events.BindingId;
import java.util.Map;

/**
 * The labels of a CredentialBinding, for routing. Outcome events carry none, so routes on labels
 * need the caller to look them up; {@link #NONE} knows no labels (label rules then match nothing).
 */
@FunctionalInterface
public interface BindingLabels {

    /** Knows no labels. */
    BindingLabels NONE = binding -> Map.of();

    /** The binding's labels now, or an empty map if unknown; must not block. */
    Map<String, String> labelsOf(BindingId binding);
}
