package dev.credrift.api.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.credrift.api.WireEnum;

/**
 * Whether a due rotation is carried out or only planned and published. Separate from {@link Mode}: a binding may be
 * healed automatically while its rotations are still being watched before they are trusted.
 */
public enum RotationMode implements WireEnum {
    ROTATE("Rotate"),
    OBSERVE("Observe"),
    UNRECOGNIZED(null);

    private final String wireName;

    RotationMode(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    @Override
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static RotationMode fromWire(String text) {
        return WireEnum.fromWire(RotationMode.class, text, UNRECOGNIZED);
    }
}
