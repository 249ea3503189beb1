package dev.credrift.app.sandbox.bench;

import dev.credrift.app.sandbox.OutcomeTap;
import dev.credrift.events.CredriftEvent;
import dev.credrift.events.payload.BackInSync;
import dev.credrift.events.payload.DriftClass;
import dev.credrift.events.payload.DriftDetected;
import dev.credrift.events.payload.RemediationDeferred;
import dev.credrift.events.payload.RemediationFailed;
import dev.credrift.events.payload.RemediationHalted;
import dev.credrift.events.payload.RemediationSucceeded;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What credrift's outcome events say about each binding of a benchmark world: whether it drifted before any
 * rotation, and — after the rotations began ({@link #arm}) — when drift was first classified, when it was healed (back in sync or remediation
 * succeeded, whichever came first), or that a budget deferred it or the remediation ended otherwise. Times are the
 * events' own (credrift's clock: the same machine as the world's).
 */
final class BindingTimes implements OutcomeTap.Listener {

    private final Map<String, Instant> drifted = new HashMap<>();
    private final Map<String, Instant> healed = new HashMap<>();
    private final Set<String> notHealed = new HashSet<>();
    private final Set<String> driftBeforeRotation = new HashSet<>();
    private final Map<DriftClass, Integer> classesBeforeRotation = new EnumMap<>(DriftClass.class);
    private final List<String> detailsBeforeRotation = new ArrayList<>();
    private boolean armed;

    @Override
    public synchronized void outcome(CredriftEvent event) {
        String id = event.bindingId().toString();
        if (event.payload() instanceof DriftDetected drift) {
            if (drift.driftClass() == DriftClass.IN_SYNC) {
                return;
            }
            if (!armed) {
                if (driftBeforeRotation.add(id)) {
                    classesBeforeRotation.merge(drift.driftClass(), 1, Integer::sum);
                    if (detailsBeforeRotation.size() < 3) {
                        detailsBeforeRotation.add(id + " at " + event.time() + ": " + drift.detail());
                    }
                }
            } else {
                drifted.putIfAbsent(id, event.time());
            }
        } else if (armed
                && drifted.containsKey(id)
                && (event.payload() instanceof BackInSync || event.payload() instanceof RemediationSucceeded)) {
            healed.putIfAbsent(id, event.time());
        } else if (armed
                && (event.payload() instanceof RemediationDeferred
                        || event.payload() instanceof RemediationHalted
                        || event.payload() instanceof RemediationFailed)) {
            notHealed.add(id);
        }
    }

    /** From now on drift counts: the rotations begin. */
    synchronized void arm() {
        armed = true;
    }

    /** Bindings that drifted before any rotation: a still world must have none. */
    synchronized int driftBeforeRotation() {
        return driftBeforeRotation.size();
    }

    /** The first drift class of each binding that drifted before any rotation, counted: what a misfire looked like. */
    synchronized Map<DriftClass, Integer> classesBeforeRotation() {
        return new EnumMap<>(classesBeforeRotation);
    }

    /** The first few of those bindings with credrift's own words (details carry no secret values). */
    synchronized List<String> detailsBeforeRotation() {
        return List.copyOf(detailsBeforeRotation);
    }

    synchronized Map<String, Instant> drifted() {
        return new HashMap<>(drifted);
    }

    synchronized Map<String, Instant> healed() {
        return new HashMap<>(healed);
    }

    /** Every one of {@code bindings} has drifted, and each has healed or ended unhealed (deferred, halted, failed). */
    synchronized boolean settled(int bindings) {
        if (drifted.size() < bindings) {
            return false;
        }
        for (String id : drifted.keySet()) {
            if (!healed.containsKey(id) && !notHealed.contains(id)) {
                return false;
            }
        }
        return true;
    }
}
