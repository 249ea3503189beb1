package dev.credrift.app.sandbox.bench;

import dev.credrift.sandbox.kube.RequestCounts;
import java.util.Map;

/**
 * One benchmark world's numbers.
 *
 * @param bindings            bindings in the world, all rotated at once
 * @param unrelatedPods       pods beside them in the same namespace that no binding concerns
 * @param detection           rotation → drift classified (ms), over the bindings that drifted
 * @param heal                rotation → back in sync (ms), over the bindings the budgets let heal
 * @param notDetected         bindings whose drift was not classified before the window closed
 * @param driftBeforeRotation bindings judged drifting while the world was still (must be 0)
 * @param requests            credrift's API requests by verb, rotation to end of window
 * @param steadyPerBindingHour credrift's API requests per binding per hour in a quiet window after the storm
 * @param steadyReadsPerBindingHour of those, reads (get, list, watch, discovery); the rest are writes
 * @param credriftCpuSeconds  estimated CPU seconds of credrift in the window ({@link ProcessMeter})
 * @param processCpuSeconds   CPU seconds of the whole JVM in the window (world, stand-ins and credrift)
 * @param heapMb              heap after GC at the end (whole JVM), MB
 * @param worldHeapMb         heap after GC before credrift started (the world alone), MB
 * @param threadStarts        threads started in the JVM during the window
 * @param observations        observations credrift's watcher published in the window (the reconciler handles each)
 * @param windowSeconds       rotation start → all settled (or the deadline)
 */
record ScenarioResult(
        int bindings,
        int unrelatedPods,
        Percentiles detection,
        Percentiles heal,
        int notDetected,
        int driftBeforeRotation,
        Map<RequestCounts.Verb, Long> requests,
        double steadyPerBindingHour,
        double steadyReadsPerBindingHour,
        double credriftCpuSeconds,
        double processCpuSeconds,
        double heapMb,
        double worldHeapMb,
        long threadStarts,
        long observations,
        double windowSeconds) {

    String label() {
        return unrelatedPods > 0 ? bindings + " + " + unrelatedPods + " pods" : String.valueOf(bindings);
    }

    double steadyWritesPerBindingHour() {
        return steadyPerBindingHour - steadyReadsPerBindingHour;
    }

    /** Thread starts per handled observation; 0 without observations. */
    double threadStartsPerObservation() {
        return observations == 0 ? 0 : threadStarts / (double) observations;
    }

    long totalRequests() {
        return requests.values().stream().mapToLong(Long::longValue).sum();
    }
}
