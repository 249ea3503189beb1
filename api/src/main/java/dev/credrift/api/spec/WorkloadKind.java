package dev.credrift.api.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.credrift.api.WireEnum;

/** The workloads credrift can roll (apps/v1). */
public enum WorkloadKind implements WireEnum {
    DEPLOYMENT("Deployment"),
    STATEFUL_SET("StatefulSet"),
    DAEMON_SET("DaemonSet"),
    UNRECOGNIZED(null);

    private final String wireName;

    WorkloadKind(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    @Override
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static WorkloadKind fromWire(String text) {
        return WireEnum.fromWire(WorkloadKind.class, text, UNRECOGNIZED);
    }
}
