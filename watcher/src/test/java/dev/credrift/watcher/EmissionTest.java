package dev.credrift.watcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.events.BindingId;
import dev.credrift.events.EventFactory;
import dev.credrift.events.codec.Decoded;
import dev.credrift.events.codec.EventCodec;
import dev.credrift.events.codec.KafkaRecord;
import dev.credrift.events.credential.Fingerprinter;
import dev.credrift.events.payload.BindingChanged;
import dev.credrift.events.payload.EventPayload;
import dev.credrift.events.payload.ResyncRequested;
import dev.credrift.watcher.fixtures.FakeClusterView;
import dev.credrift.watcher.fixtures.ManualScheduler;
import dev.credrift.watcher.index.BindingRefs;
import dev.credrift.watcher.index.Facet;
import dev.credrift.watcher.observe.CredentialReader;
import dev.credrift.watcher.observe.ObservationBuilder;
import dev.credrift.watcher.publish.Backoff;
import dev.credrift.watcher.publish.ObservationEmitter;
import dev.credrift.watcher.publish.ObservationSink;
import dev.credrift.watcher.publish.Publisher;
import io.vertx.core.Future;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmissionTest {

    private static final BindingId LOKI = BindingId.of("monitoring", "loki-s3");

    /** Decodes what the publisher sends, so the test sees payloads, not bytes. */
    private static final class DecodingSink implements ObservationSink {
        final List<EventPayload> sent = new ArrayList<>();
        private final EventCodec codec = new EventCodec();

        @Override
        public Future<Void> send(String topic, KafkaRecord record) {
            sent.add(((Decoded) codec.decode(record)).event().payload());
            return Future.succeededFuture();
        }

        @Override
        public Future<Void> close() {
            return Future.succeededFuture();
        }
    }

    private final ManualScheduler scheduler = new ManualScheduler();
    private final DecodingSink sink = new DecodingSink();
    private final FakeClusterView cluster = new FakeClusterView();
    private final Emission emission = new Emission(
            new ObservationEmitter(
                    new EventFactory(
                            URI.create("urn:test"),
                            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC),
                            () -> "id"),
                    new EventCodec(),
                    new Publisher(
                            sink,
                            "t",
                            100,
                            10,
                            new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), () -> 0.0),
                            scheduler)),
            new ObservationBuilder(new CredentialReader(
                    new Fingerprinter("an emission test fingerprint key".getBytes(StandardCharsets.UTF_8)))),
            cluster,
            new VaultFacet(null, id -> {}));

    @Test
    void shouldEmitAPendingBindingChangeOnceWhenTheBindingFacetIsFlushedTwice() {
        BindingState state = state();
        state.pendingChange = BindingChanged.Change.CREATED;
        state.generation = 3;

        emission.facets(LOKI, state, EnumSet.of(Facet.BINDING), false);
        emission.facets(LOKI, state, EnumSet.of(Facet.BINDING), false);

        assertThat(sent()).containsExactly(new BindingChanged(LOKI, BindingChanged.Change.CREATED, 3, List.of()));
        assertThat(state.pendingChange).isNull();
    }

    @Test
    void shouldDeferConsumersUntilTakenWhenThePodInformerHasNotSynced() {
        cluster.withPodsNotSynced();

        emission.facets(LOKI, state(), EnumSet.of(Facet.CONSUMERS), false);

        assertThat(sent()).isEmpty();
        assertThat(emission.takeDeferred()).isEqualTo(Map.of(LOKI, EnumSet.of(Facet.CONSUMERS)));
        assertThat(emission.takeDeferred()).isEmpty();
    }

    @Test
    void shouldDropDeferredFacetsWhenLeadershipIsLost() {
        cluster.withPodsNotSynced();
        emission.facets(LOKI, state(), EnumSet.of(Facet.CONSUMERS), false);

        emission.leadershipLost();

        assertThat(emission.takeDeferred()).isEmpty();
    }

    @Test
    void shouldEmitTheDeletionAndTheResyncRequestWhenAsked() {
        BindingState state = state();
        state.generation = 0; // a deleted binding's last generation may be unknown: at least 1 is published

        emission.deleted(LOKI, state);
        emission.resyncRequested(LOKI, ResyncRequested.Reason.PERIODIC);

        assertThat(sent())
                .containsExactly(
                        new BindingChanged(LOKI, BindingChanged.Change.DELETED, 1, List.of()),
                        new ResyncRequested(LOKI, ResyncRequested.Reason.PERIODIC));
    }

    private static BindingState state() {
        BindingState state = new BindingState();
        state.refs = BindingRefs.none(LOKI);
        return state;
    }

    private List<EventPayload> sent() {
        scheduler.runSoon();
        return sink.sent;
    }
}
