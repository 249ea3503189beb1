package dev.credrift.api.status;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.credrift.api.WireEnum;

/** A condition's status, spelled as in {@code metav1.Condition}. */
public enum ConditionStatus implements WireEnum {
    TRUE("True"),
    FALSE("False"),
    UNKNOWN("Unknown"),
    UNRECOGNIZED(null);

    private final String wireName;

    ConditionStatus(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    @Override
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static ConditionStatus fromWire(String text) {
        return WireEnum.fromWire(ConditionStatus.class, text, UNRECOGNIZED);
    }
}
