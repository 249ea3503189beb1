package dev.credrift.reconciler.assess;

import static dev.credrift.reconciler.assess.AssessmentFixture.AUTHORITY_FP;
import static dev.credrift.reconciler.assess.AssessmentFixture.STALE_FP;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplicaChangeTest {

    private static final Instant CREATED = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant MANAGED = Instant.parse("2026-11-20T00:00:00Z");
    private static final Instant KNOWN = Instant.parse("2026-11-21T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");

    @Test
    void shouldUseManagedFieldsTimeWhenFirstSeen() {
        assertThat(ReplicaChange.mark(
                        Optional.of(AUTHORITY_FP), Optional.empty(), Optional.of(MANAGED), Optional.of(CREATED), NOW))
                .contains(ReplicaMark.firstSight(AUTHORITY_FP, MANAGED));
    }

    @Test
    void shouldUseCreationTimeWhenFirstSeenWithoutManagedFields() {
        assertThat(ReplicaChange.mark(
                        Optional.of(AUTHORITY_FP), Optional.empty(), Optional.empty(), Optional.of(CREATED), NOW))
                .contains(ReplicaMark.firstSight(AUTHORITY_FP, CREATED));
    }

    @Test
    void shouldUseEpochWhenNothingIsKnown() {
        assertThat(ReplicaChange.mark(
                        Optional.of(AUTHORITY_FP), Optional.empty(), Optional.empty(), Optional.empty(), NOW))
                .contains(ReplicaMark.firstSight(AUTHORITY_FP, Instant.EPOCH));
    }

    @Test
    void shouldKeepTheMarkWhenFingerprintIsUnchanged() {
        ReplicaMark known = ReplicaMark.observed(AUTHORITY_FP, KNOWN);

        assertThat(ReplicaChange.mark(
                        Optional.of(AUTHORITY_FP), Optional.of(known), Optional.of(NOW), Optional.of(CREATED), NOW))
                .contains(known);
    }

    @Test
    void shouldUseObservationTimeWhenFingerprintChangedAndManagedFieldsAreOlder() {
        ReplicaMark known = ReplicaMark.observed(STALE_FP, KNOWN);

        assertThat(ReplicaChange.mark(
                        Optional.of(AUTHORITY_FP), Optional.of(known), Optional.of(MANAGED), Optional.of(CREATED), NOW))
                .contains(ReplicaMark.observed(AUTHORITY_FP, NOW));
    }

    @Test
    void shouldUseManagedFieldsTimeWhenFingerprintChangedAfterTheKnownChange() {
        ReplicaMark known = ReplicaMark.observed(STALE_FP, MANAGED);

        assertThat(ReplicaChange.mark(
                        Optional.of(AUTHORITY_FP), Optional.of(known), Optional.of(KNOWN), Optional.of(CREATED), NOW))
                .contains(ReplicaMark.observed(AUTHORITY_FP, KNOWN));
    }

    @Test
    void shouldKeepTheOldMarkWhenReplicaHoldsNothing() {
        ReplicaMark known = ReplicaMark.observed(STALE_FP, KNOWN);

        assertThat(ReplicaChange.mark(Optional.empty(), Optional.of(known), Optional.empty(), Optional.empty(), NOW))
                .contains(known);
    }
}
