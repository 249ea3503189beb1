package dev.credrift.api.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.credrift.api.WireEnum;

/** Whether credrift heals drift or only reports the plan it would carry out ({@code dryRun: true}). */
public enum Mode implements WireEnum {
    REMEDIATE("Remediate"),
    OBSERVE("Observe"),
    UNRECOGNIZED(null);

    private final String wireName;

    Mode(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    @Override
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static Mode fromWire(String text) {
        return WireEnum.fromWire(Mode.class, text, UNRECOGNIZED);
    }
}
