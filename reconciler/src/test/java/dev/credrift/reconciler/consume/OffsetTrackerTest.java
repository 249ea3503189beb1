package dev.credrift.reconciler.consume;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.reconciler.consume.OffsetTracker.Partition;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OffsetTrackerTest {

    private static final Partition P0 = new Partition("observations", 0);
    private static final Partition P1 = new Partition("observations", 1);

    private final OffsetTracker tracker = new OffsetTracker();

    @Test
    void shouldCommitNothingWhileTheFirstRecordIsInFlight() {
        tracker.received(P0, 0);
        tracker.received(P0, 1);
        tracker.done(P0, 1);

        assertThat(tracker.committable()).isEmpty();
    }

    @Test
    void shouldCommitUpToTheLowestUnfinishedOffsetWhenRecordsFinishOutOfOrder() {
        for (long o = 10; o < 15; o++) {
            tracker.received(P0, o);
        }
        tracker.done(P0, 10);
        tracker.done(P0, 11);
        tracker.done(P0, 13);

        assertThat(tracker.committable()).containsExactlyEntriesOf(Map.of(P0, 12L));
    }

    @Test
    void shouldCommitPastTheHighestWhenAllAreDone() {
        tracker.received(P0, 4);
        tracker.received(P0, 5);
        tracker.done(P0, 5);
        tracker.done(P0, 4);

        assertThat(tracker.committable()).containsExactlyEntriesOf(Map.of(P0, 6L));
    }

    @Test
    void shouldNotCommitAgainWhenNothingMoved() {
        tracker.received(P0, 0);
        tracker.done(P0, 0);
        tracker.committed(tracker.committable());

        assertThat(tracker.committable()).isEmpty();
    }

    @Test
    void shouldTrackPartitionsApartWhenOneIsBusy() {
        tracker.received(P0, 0);
        tracker.received(P1, 0);
        tracker.done(P1, 0);

        assertThat(tracker.committable()).containsExactlyEntriesOf(Map.of(P1, 1L));
        assertThat(tracker.inFlight()).isEqualTo(1);
    }

    @Test
    void shouldIgnoreLateCompletionsWhenPartitionWasRevoked() {
        tracker.received(P0, 0);
        tracker.revoke(Set.of(P0));
        tracker.done(P0, 0);

        assertThat(tracker.committable()).isEmpty();
        assertThat(tracker.inFlight()).isZero();
    }
}
