package dev.credrift.api.status;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.credrift.api.WireEnum;

/** How the last remediation ended ({@code Planned}: {@code mode: Observe} published the plan and changed nothing). */
public enum RemediationOutcome implements WireEnum {
    RUNNING("Running"),
    SUCCEEDED("Succeeded"),
    FAILED("Failed"),
    HALTED("Halted"),
    PLANNED("Planned"),
    /** The authority changed under it: ended without failing, a new remediation follows. */
    SUPERSEDED("Superseded"),
    UNRECOGNIZED(null);

    private final String wireName;

    RemediationOutcome(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    @Override
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static RemediationOutcome fromWire(String text) {
        return WireEnum.fromWire(RemediationOutcome.class, text, UNRECOGNIZED);
    }
}
