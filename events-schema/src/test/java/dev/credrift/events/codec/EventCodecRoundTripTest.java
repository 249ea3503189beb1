package dev.credrift.events.codec;

import static dev.credrift.events.Fixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.events.CredriftEvent;
import dev.credrift.events.EventFactory;
import dev.credrift.events.Fixtures;
import dev.credrift.events.payload.EventPayload;
import dev.credrift.events.payload.EventType;
import io.cloudevents.CloudEvent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventCodecRoundTripTest {

    private static final Instant NOW = Instant.parse("2026-11-21T09:17:02.123Z");

    private final AtomicInteger ids = new AtomicInteger();
    private final EventFactory factory = new EventFactory(
            URI.create("urn:credrift:reconciler"),
            Clock.fixed(NOW, ZoneOffset.UTC),
            () -> "evt-" + ids.incrementAndGet());
    private final EventCodec codec = new EventCodec();

    @Test
    void shouldHaveAJavaSampleWhenTypeIsDeclared() {
        assertThat(Fixtures.samples().keySet()).containsExactlyInAnyOrder(EventType.values());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void shouldDecodeTheSameEventWhenEncodedWithCorrelationId(EventType type) {
        CredriftEvent event = factory.create(Fixtures.samples().get(type), "rem-7c1d");

        DecodeResult result = codec.decode(codec.encode(event));

        assertThat(result).isEqualTo(new Decoded(event));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void shouldDecodeTheSameEventWhenEncodedWithoutCorrelationId(EventType type) {
        CredriftEvent event = factory.create(Fixtures.samples().get(type));

        KafkaRecord record = codec.encode(event);

        assertThat(record.headers()).doesNotContainKey(EventCodec.CE_CORRELATIONID);
        assertThat(codec.decode(record)).isEqualTo(new Decoded(event));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void shouldWriteJsonTheSchemaAcceptsWhenEncodingAJavaSample(EventType type) {
        KafkaRecord record = codec.encode(factory.create(Fixtures.samples().get(type)));

        assertThat(Fixtures.validate(type, tree(record.value()))).isEmpty();
    }

    @Test
    void shouldWriteBinaryModeHeadersInOrderWhenEncoding() {
        EventPayload payload = Fixtures.samples().get(EventType.DRIFT_DETECTED);

        KafkaRecord record = codec.encode(factory.create(payload, "rem-7c1d"));

        assertThat(record.key()).isEqualTo("monitoring/loki-s3");
        assertThat(new ArrayList<>(record.headers().keySet()))
                .containsExactly(
                        "ce_specversion",
                        "ce_id",
                        "ce_source",
                        "ce_type",
                        "ce_subject",
                        "ce_time",
                        "ce_dataschema",
                        "ce_correlationid",
                        "content-type");
        assertThat(text(record.headers()))
                .containsExactly(
                        Map.entry("ce_specversion", "1.0"),
                        Map.entry("ce_id", "evt-1"),
                        Map.entry("ce_source", "urn:credrift:reconciler"),
                        Map.entry("ce_type", "dev.credrift.drift.detected.v1"),
                        Map.entry("ce_subject", "monitoring/loki-s3"),
                        Map.entry("ce_time", "2026-11-21T09:17:02.123Z"),
                        Map.entry("ce_dataschema", "https://credrift.dev/schemas/dev.credrift.drift.detected.v1.json"),
                        Map.entry("ce_correlationid", "rem-7c1d"),
                        Map.entry("content-type", "application/json"));
        assertThat(tree(record.value()).path("driftClass").asText()).isEqualTo("AUTHORITY_REJECTED");
    }

    @Test
    void shouldCarryTheSameAttributesWhenConvertedToAnSdkCloudEvent() {
        CredriftEvent event = factory.create(Fixtures.samples().get(EventType.BACK_IN_SYNC), "rem-7c1d");

        CloudEvent cloudEvent = codec.toCloudEvent(event);

        assertThat(cloudEvent.getType()).isEqualTo("dev.credrift.drift.back-in-sync.v1");
        assertThat(cloudEvent.getSubject()).isEqualTo("monitoring/loki-s3");
        assertThat(cloudEvent.getDataContentType()).isEqualTo("application/json");
        assertThat(cloudEvent.getDataSchema()).isEqualTo(EventType.BACK_IN_SYNC.dataSchema());
        assertThat(cloudEvent.getExtension("correlationid")).isEqualTo("rem-7c1d");
        assertThat(cloudEvent.getData().toBytes()).isEqualTo(codec.encode(event).value());
    }

    @Test
    void shouldCarryTheBindingLabelsWhenTheEventHasThem() {
        Map<String, String> labels = Map.of("team", "observability", "app.kubernetes.io/part-of", "loki");
        CredriftEvent event = factory.create(Fixtures.samples().get(EventType.REMEDIATION_HALTED), "rem-7c1d", labels);

        KafkaRecord record = codec.encode(event);

        assertThat(text(record.headers()))
                .containsEntry("ce_bindinglabels", "app.kubernetes.io/part-of=loki,team=observability");
        assertThat(((Decoded) codec.decode(record)).event()).isEqualTo(event);
        assertThat(codec.toCloudEvent(event).getExtension("bindinglabels"))
                .isEqualTo("app.kubernetes.io/part-of=loki,team=observability");
    }

    @Test
    void shouldRefuseMalformedBindingLabelsNamingTheHeaderOnly() {
        KafkaRecord good = codec.encode(factory.create(Fixtures.samples().get(EventType.BACK_IN_SYNC)));
        Map<String, byte[]> headers = new java.util.LinkedHashMap<>(good.headers());
        headers.put("ce_bindinglabels", "team".getBytes(StandardCharsets.UTF_8));

        DecodeResult result = codec.decode(new KafkaRecord(good.key(), headers, good.value()));

        assertThat(result).isInstanceOfSatisfying(DecodeFailure.class, f -> {
            assertThat(f.reason()).isEqualTo(DecodeFailure.Reason.INVALID_HEADER);
            assertThat(f.detail()).startsWith("ce_bindinglabels ");
        });
    }

    @Test
    void shouldStampSourceClockAndIdsWhenFactoryCreatesEvents() {
        EventPayload payload = Fixtures.samples().get(EventType.RESYNC_REQUESTED);

        CredriftEvent first = factory.create(payload);
        CredriftEvent second = factory.create(payload);

        assertThat(first.id()).isEqualTo("evt-1");
        assertThat(second.id()).isEqualTo("evt-2");
        assertThat(first.time()).isEqualTo(NOW);
        assertThat(first.source()).isEqualTo(URI.create("urn:credrift:reconciler"));
        assertThat(first.bindingId()).isEqualTo(Fixtures.LOKI);
    }

    private static Map<String, String> text(Map<String, byte[]> headers) {
        Map<String, String> text = new java.util.LinkedHashMap<>();
        headers.forEach((k, v) -> text.put(k, new String(v, StandardCharsets.UTF_8)));
        return text;
    }
}
