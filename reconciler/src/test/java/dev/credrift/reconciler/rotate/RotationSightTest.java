package dev.credrift.reconciler.rotate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.api.spec.Rotation;
import dev.credrift.events.payload.RotationStepKind;
import dev.credrift.reconciler.rotate.RotationDecision.Blocked;
import dev.credrift.reconciler.rotate.RotationDecision.Resume;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What a handling's assessment tells the planner at revoke time (a MinIO rotation): the old key is revoked only when
 * the vault holds the new key, the store accepts it and the binding is in sync; any doubt blocks the revoke.
 */
class RotationSightTest {

    private static final String OLD = "OLDKEY00000000000001";
    private static final String NEW = "NEWKEY00000000000002";
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    private static final Rotation ROTATION = new Rotation("720h", null, "5s", null, null, null);

    @Test
    void shouldLetTheRevokeGoOnWhenEveryHopIsInSyncOnTheNewKey() {
        RotationSight sight = RotationSight.of(Optional.of(waitedOut()), Optional.of(NEW), true, true);

        assertThat(sight.storeKeys()).containsExactlyInAnyOrder(OLD, NEW);
        assertThat(sight.heldBy())
                .containsOnlyKeys("vault", "replica", "consumers")
                .doesNotContainValue(OLD);
        assertThat(decide(sight))
                .isInstanceOf(Resume.class)
                .extracting(d -> ((Resume) d).step())
                .isEqualTo(RotationStepKind.REVOKE);
    }

    @Test
    void shouldBlockTheRevokeWhenTheBindingIsNotInSync() {
        RotationSight sight = RotationSight.of(Optional.of(waitedOut()), Optional.of(NEW), true, false);

        assertThat(sight.heldBy()).containsEntry("consumers", OLD).containsEntry("replica", OLD);
        assertThat(decide(sight))
                .isInstanceOfSatisfying(
                        Blocked.class, b -> assertThat(b.reason()).contains("still held by consumers, replica"));
    }

    @Test
    void shouldBlockTheRevokeWhenTheVaultStillHoldsTheOldKey() {
        RotationSight sight = RotationSight.of(Optional.of(waitedOut()), Optional.of(OLD), true, true);

        assertThat(sight.storeKeys()).containsExactly(OLD);
        assertThat(decide(sight))
                .isInstanceOfSatisfying(
                        Blocked.class, b -> assertThat(b.reason()).contains("still held by consumers, replica, vault"));
    }

    @Test
    void shouldBlockTheRevokeWhenTheStoreDidNotAcceptTheNewKey() {
        RotationSight sight = RotationSight.of(Optional.of(waitedOut()), Optional.of(NEW), false, true);

        assertThat(sight.storeKeys()).containsExactly(OLD);
        assertThat(decide(sight))
                .isInstanceOfSatisfying(
                        Blocked.class, b -> assertThat(b.reason()).isEqualTo("the store does not list the new key"));
    }

    @Test
    void shouldSayNothingOfTheHopsWhenTheVaultCannotBeRead() {
        RotationSight sight = RotationSight.of(Optional.empty(), Optional.empty(), false, false);

        assertThat(sight.storeKeys()).isEmpty();
        assertThat(sight.heldBy()).isEmpty();
    }

    private static RotationDecision decide(RotationSight sight) {
        RotationFacts facts = new RotationFacts(
                Capability.MINIO_SERVICE_ACCOUNT, Optional.empty(), sight.storeKeys(), sight.heldBy(), false);
        return new RotationPlanner(Clock.fixed(T0.plus(Duration.ofHours(1)), ZoneOffset.UTC))
                .decide(ROTATION, false, Optional.of(waitedOut()), facts);
    }

    /** A rotation whose consumers were proven and whose revokeAfter has passed: next is the revoke. */
    private static RotationJournal waitedOut() {
        RotationJournal journal = RotationJournal.open("rot-1", T0, OLD, Set.of(OLD));
        Instant at = T0;
        for (RotationStepKind step : RotationStepKind.values()) {
            if (step == RotationStepKind.REVOKE) {
                break;
            }
            journal = journal.started(step, at);
            at = at.plusSeconds(1);
            journal = step == RotationStepKind.MINT ? journal.minted(NEW, at) : journal.completed(step, at);
        }
        return journal;
    }
}
