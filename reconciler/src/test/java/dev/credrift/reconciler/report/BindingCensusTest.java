package dev.credrift.reconciler.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.events.BindingId;
import dev.credrift.reconciler.journal.JournalEntry;
import dev.credrift.reconciler.journal.LastVerdict;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BindingCensusTest {

    private static final Instant NOW = Instant.parse("2026-12-07T05:00:00Z");
    private static final BindingId LOKI = BindingId.of("monitoring", "loki-s3");

    private final BindingCensus census = new BindingCensus();

    @Test
    void shouldReportAChangeOnlyWhenTheStandingMovesWhenHandledAgain() {
        JournalEntry inSync = JournalEntry.empty(LOKI).withLastVerdict(new LastVerdict("IN_SYNC", "a", NOW));
        census.assigned(id -> true, List.of());

        assertThat(census.handled(inSync)).isTrue();
        assertThat(census.handled(inSync.withLastVerdict(new LastVerdict("IN_SYNC", "a", NOW.plusSeconds(5)))))
                .as("same state, a later verdict time")
                .isFalse();
        assertThat(census.handled(inSync.withLastVerdict(new LastVerdict("UNDETERMINED_STORE_UNREACHABLE", "", NOW))))
                .isTrue();
        assertThat(census.count(BindingCensus.UNDETERMINED)).isEqualTo(1);
        assertThat(census.gone(LOKI)).isTrue();
        assertThat(census.gone(LOKI)).isFalse();
    }

    @Test
    void shouldCountNothingWhenNoPartitionIsAssignedYet() {
        assertThat(census.handled(JournalEntry.empty(LOKI))).isFalse();
        assertThat(census.count(BindingCensus.UNASSESSED)).isZero();
    }
}
