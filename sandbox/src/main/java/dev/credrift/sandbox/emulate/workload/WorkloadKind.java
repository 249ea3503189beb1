package dev.credrift.sandbox.emulate.workload;

import java.util.Optional;

/** The workload kinds the emulator runs. */
public enum WorkloadKind {
    DEPLOYMENT("Deployment"),
    STATEFUL_SET("StatefulSet"),
    DAEMON_SET("DaemonSet");

    private final String kind;

    WorkloadKind(String kind) {
        this.kind = kind;
    }

    /** The Kubernetes kind, e.g. {@code StatefulSet}. */
    public String kind() {
        return kind;
    }

    /** The kind spelled {@code text} (case-sensitive, as in manifests). */
    public static Optional<WorkloadKind> fromKind(String text) {
        for (WorkloadKind value : values()) {
            if (value.kind.equals(text)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
