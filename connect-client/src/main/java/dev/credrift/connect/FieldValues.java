package dev.credrift.connect;

import dev.credrift.events.credential.SecretValue;
import java.util.Map;

/** The values of the asked-for fields, by label, and the item version they were read at. */
public record FieldValues(ItemRef item, Map<String, SecretValue> byLabel) {

    public FieldValues {
        byLabel = Map.copyOf(byLabel);
    }
}
