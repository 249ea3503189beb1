package dev.credrift.watcher.coalesce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.credrift.events.BindingId;
import dev.credrift.watcher.fixtures.ManualScheduler;
import dev.credrift.watcher.index.Facet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CoalescerTest {

    private static final BindingId LOKI = BindingId.of("monitoring", "loki-s3");
    private static final BindingId TEMPO = BindingId.of("tracing", "tempo-s3");

    private record Flushed(BindingId id, Set<Facet> facets, long atMillis) {}

    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<Flushed> flushed = new ArrayList<>();
    private final Coalescer coalescer = new Coalescer(
            Duration.ofMillis(250),
            scheduler,
            scheduler,
            (id, facets) -> flushed.add(new Flushed(id, EnumSet.copyOf(facets), scheduler.getAsLong() / 1_000_000)));

    @Test
    void shouldFlushAtOnceWhenTheFirstChangeFollowsAQuietWindow() {
        coalescer.mark(LOKI, EnumSet.of(Facet.SOURCE));
        scheduler.runSoon();

        assertThat(flushed).extracting(Flushed::id).containsExactly(LOKI);
        assertThat(flushed.get(0).facets()).containsExactly(Facet.SOURCE);
        assertThat(scheduler.pendingTimers()).isZero();
    }

    @Test
    void shouldFlushChangesThatArriveTogetherTogetherWhenMarkedBeforeTheLoopTurns() {
        coalescer.mark(LOKI, EnumSet.of(Facet.SOURCE));
        coalescer.mark(LOKI, EnumSet.of(Facet.REPLICA));
        coalescer.mark(TEMPO, EnumSet.of(Facet.CONSUMERS));
        scheduler.runSoon();

        assertThat(flushed).hasSize(2);
        assertThat(flushed.get(0).facets()).containsExactlyInAnyOrder(Facet.SOURCE, Facet.REPLICA);
        assertThat(flushed.get(1).id()).isEqualTo(TEMPO);
    }

    @Test
    void shouldCoalesceABurstIntoOneTrailingFlushWhenItFallsInsideTheWindow() {
        coalescer.mark(LOKI, EnumSet.of(Facet.SOURCE));
        scheduler.runSoon();
        for (int i = 0; i < 10; i++) {
            scheduler.advance(10);
            coalescer.mark(LOKI, EnumSet.of(i % 2 == 0 ? Facet.SOURCE : Facet.EXTERNAL_SECRET));
        }
        assertThat(flushed).hasSize(1);

        scheduler.advance(250);

        assertThat(flushed).hasSize(2);
        assertThat(flushed.get(1).facets()).containsExactlyInAnyOrder(Facet.SOURCE, Facet.EXTERNAL_SECRET);
        assertThat(flushed.get(1).atMillis() - flushed.get(0).atMillis()).isEqualTo(250);
    }

    @Test
    void shouldFlushEveryChangeAtOnceWhenTheWindowIsZero() {
        Coalescer eager = new Coalescer(
                Duration.ZERO,
                scheduler,
                scheduler,
                (id, facets) -> flushed.add(new Flushed(id, EnumSet.copyOf(facets), 0)));
        for (int i = 0; i < 3; i++) {
            eager.mark(LOKI, EnumSet.of(Facet.SOURCE));
            scheduler.runSoon();
        }

        assertThat(flushed).hasSize(3);
        assertThat(scheduler.pendingTimers()).isZero();
    }

    @Test
    void shouldKeepBindingsApartWhenOneIsInItsWindow() {
        coalescer.mark(LOKI, EnumSet.of(Facet.SOURCE));
        scheduler.runSoon();
        scheduler.advance(50);
        coalescer.mark(LOKI, EnumSet.of(Facet.SOURCE));
        coalescer.mark(TEMPO, EnumSet.of(Facet.SOURCE));
        scheduler.runSoon();

        assertThat(flushed).extracting(Flushed::id).containsExactly(LOKI, TEMPO);
    }

    @Test
    void shouldDropPendingChangesWhenForgotten() {
        coalescer.mark(LOKI, EnumSet.of(Facet.SOURCE));
        scheduler.runSoon();
        coalescer.mark(LOKI, EnumSet.of(Facet.SOURCE));
        coalescer.forget(LOKI);
        scheduler.advance(1000);

        assertThat(flushed).hasSize(1);
        assertThat(coalescer.pending()).isZero();
        assertThat(scheduler.pendingTimers()).isZero();
    }

    @Test
    void shouldFlushEverythingAtOnceWhenAskedToFlushAll() {
        coalescer.mark(LOKI, EnumSet.of(Facet.SOURCE));
        scheduler.runSoon();
        coalescer.mark(LOKI, EnumSet.of(Facet.REPLICA));
        coalescer.mark(TEMPO, EnumSet.of(Facet.SOURCE));

        coalescer.flushAll();

        assertThat(flushed).extracting(Flushed::id).containsExactly(LOKI, LOKI, TEMPO);
        assertThat(scheduler.pendingTimers()).isZero();
    }

    @Test
    void shouldIgnoreAnEmptyMarkAndRefuseANegativeWindow() {
        coalescer.mark(LOKI, EnumSet.noneOf(Facet.class));
        scheduler.runSoon();

        assertThat(flushed).isEmpty();
        assertThatThrownBy(() -> new Coalescer(Duration.ofMillis(-1), scheduler, scheduler, (id, f) -> {}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
