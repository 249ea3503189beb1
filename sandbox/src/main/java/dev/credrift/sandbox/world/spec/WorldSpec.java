package dev.credrift.sandbox.world.spec;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A whole world: what exists at the start, what happens, and what must be true at the end.
 *
 * @param name               the world's name, e.g. {@code story-1-loki-rook-1password}
 * @param description        what story it tells
 * @param source             the file (or built-in resource) it came from
 * @param store              the S3 stand-in
 * @param vaults             the 1Password vaults
 * @param readAfterWriteLag  how long 1Password reads lag behind writes
 * @param objects            Kubernetes objects, applied in order
 * @param timeline           actions, by time
 * @param expectations       the end state
 * @param settings           timing
 * @param sts                the STS stand-ins and the service-account token issuer (stories 4 and 5), if any
 * @param onePasswordFaults  windows of the timeline in which 1Password Connect fails requests
 * @param reconciler         the reconciler's budgets in this world
 */
public record WorldSpec(
        String name,
        String description,
        String source,
        StoreSpec store,
        List<VaultSpec> vaults,
        Optional<Duration> readAfterWriteLag,
        List<WorldObject> objects,
        List<TimelineStep> timeline,
        List<ExpectationSpec> expectations,
        WorldSettings settings,
        Optional<StsSpec> sts,
        List<ConnectFaultSpec> onePasswordFaults,
        ReconcilerBudgetSpec reconciler) {

    /** Copies lists. */
    public WorldSpec {
        vaults = List.copyOf(vaults);
        objects = List.copyOf(objects);
        timeline = List.copyOf(timeline);
        expectations = List.copyOf(expectations);
        Objects.requireNonNull(sts, "sts");
        onePasswordFaults = List.copyOf(onePasswordFaults);
        Objects.requireNonNull(reconciler, "reconciler");
    }

    /** A world without 1Password faults and with the reconciler's default budgets. */
    public WorldSpec(
            String name,
            String description,
            String source,
            StoreSpec store,
            List<VaultSpec> vaults,
            Optional<Duration> readAfterWriteLag,
            List<WorldObject> objects,
            List<TimelineStep> timeline,
            List<ExpectationSpec> expectations,
            WorldSettings settings,
            Optional<StsSpec> sts) {
        this(
                name,
                description,
                source,
                store,
                vaults,
                readAfterWriteLag,
                objects,
                timeline,
                expectations,
                settings,
                sts,
                List.of(),
                ReconcilerBudgetSpec.defaults());
    }

    /** A world without STS. */
    public WorldSpec(
            String name,
            String description,
            String source,
            StoreSpec store,
            List<VaultSpec> vaults,
            Optional<Duration> readAfterWriteLag,
            List<WorldObject> objects,
            List<TimelineStep> timeline,
            List<ExpectationSpec> expectations,
            WorldSettings settings) {
        this(
                name,
                description,
                source,
                store,
                vaults,
                readAfterWriteLag,
                objects,
                timeline,
                expectations,
                settings,
                Optional.empty());
    }

    /** The same world with other expectations (e.g. the incident's, without credrift). */
    public WorldSpec withExpectations(List<ExpectationSpec> replacement) {
        return new WorldSpec(
                name,
                description,
                source,
                store,
                vaults,
                readAfterWriteLag,
                objects,
                timeline,
                replacement,
                settings,
                sts,
                onePasswordFaults,
                reconciler);
    }

    /** The same world without a timeline. */
    public WorldSpec withoutTimeline() {
        return new WorldSpec(
                name,
                description,
                source,
                store,
                vaults,
                readAfterWriteLag,
                objects,
                List.of(),
                expectations,
                settings,
                sts,
                onePasswordFaults,
                reconciler);
    }
}
