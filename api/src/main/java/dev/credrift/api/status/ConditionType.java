package dev.credrift.api.status;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.credrift.api.WireEnum;

/** The condition types a binding reports. */
public enum ConditionType implements WireEnum {
    IN_SYNC("InSync"),
    REMEDIATING("Remediating"),
    HALTED("Halted"),
    VALID("Valid"),
    /** {@code True} while a managed rotation is open (reason = its phase). */
    ROTATING("Rotating"),
    UNRECOGNIZED(null);

    private final String wireName;

    ConditionType(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    @Override
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static ConditionType fromWire(String text) {
        return WireEnum.fromWire(ConditionType.class, text, UNRECOGNIZED);
    }
}
