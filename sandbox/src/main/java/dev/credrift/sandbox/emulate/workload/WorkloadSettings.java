package dev.credrift.sandbox.emulate.workload;

import java.time.Duration;
import java.util.Objects;

/**
 * Timing of the emulated controllers and kubelet.
 *
 * @param tick                how often everything is re-evaluated even without an event
 * @param probePeriod         how often a running pod's readiness probe runs (a real default is 10 s)
 * @param crashLoopBackOff    the first restart back-off of a crash-looping container (real: 10 s), doubled per restart
 * @param crashLoopBackOffMax the back-off cap (real: 5 min)
 */
public record WorkloadSettings(
        Duration tick, Duration probePeriod, Duration crashLoopBackOff, Duration crashLoopBackOffMax) {

    /** Requires positive durations. */
    public WorkloadSettings {
        for (Duration d : new Duration[] {tick, probePeriod, crashLoopBackOff, crashLoopBackOffMax}) {
            Objects.requireNonNull(d, "duration");
            if (d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException("workload emulator durations must be positive, got " + d);
            }
        }
    }

    /** Kubernetes' own timing: probe every 10 s, back-off from 10 s to 5 min; tick every second. */
    public static WorkloadSettings kubernetesDefaults() {
        return new WorkloadSettings(
                Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofMinutes(5));
    }

    /** Quick enough for a story told in seconds: probe every second, back-off from 1 s to 10 s. */
    public static WorkloadSettings sandbox() {
        return new WorkloadSettings(
                Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(10));
    }

    /** The back-off after the {@code restartCount}-th restart. */
    Duration backOff(int restartCount) {
        Duration backOff = crashLoopBackOff;
        for (int i = 1; i < restartCount && backOff.compareTo(crashLoopBackOffMax) < 0; i++) {
            backOff = backOff.multipliedBy(2);
        }
        return backOff.compareTo(crashLoopBackOffMax) > 0 ? crashLoopBackOffMax : backOff;
    }
}
