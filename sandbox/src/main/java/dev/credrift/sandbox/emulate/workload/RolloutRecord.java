package dev.credrift.sandbox.emulate.workload;

import java.time.Instant;

/**
 * A workload's pod template changed, so its pods are being replaced (e.g. after {@code kubectl rollout restart}).
 *
 * @param at           when the emulator first saw the new template
 * @param workload     the workload
 * @param fromRevision the previous template revision
 * @param toRevision   the new one
 */
public record RolloutRecord(Instant at, WorkloadRef workload, String fromRevision, String toRevision) {}
