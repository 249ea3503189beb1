package dev.credrift.sandbox.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.credrift.events.CredriftEvent;
import dev.credrift.events.EventFactory;
import dev.credrift.events.Fixtures;
import dev.credrift.events.codec.DecodeResult;
import dev.credrift.events.codec.Decoded;
import dev.credrift.events.codec.EventCodec;
import dev.credrift.events.codec.KafkaRecord;
import dev.credrift.events.payload.EventPayload;
import dev.credrift.events.payload.EventType;
import dev.credrift.sandbox.kafka.KafkaBroker;
import dev.credrift.sandbox.kafka.KafkaBrokerExtension;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every event type, encoded by credrift's codec, written to a real broker, read back and decoded unchanged. */
@ExtendWith(KafkaBrokerExtension.class)
class EventRoundTripIT {

    private final EventCodec codec = new EventCodec();

    @Test
    void shouldDecodeEveryEventTypeUnchangedWhenItCrossesARealBroker(KafkaBroker broker) throws Exception {
        String topic = broker.uniqueName("contract");
        createTopic(broker, topic);
        AtomicInteger ids = new AtomicInteger();
        EventFactory events = new EventFactory(
                URI.create("/credrift/test"),
                Clock.fixed(Instant.parse("2026-11-22T06:00:00Z"), ZoneOffset.UTC),
                () -> "evt-" + ids.incrementAndGet());

        List<CredriftEvent> sent = new ArrayList<>();
        for (EventPayload payload : Fixtures.samples().values()) {
            sent.add(events.create(payload, "corr-" + payload.type().ordinal()));
        }
        assertThat(sent).extracting(CredriftEvent::type).containsExactlyInAnyOrder(EventType.values());
        produce(broker, topic, sent);

        List<ConsumerRecord<byte[], byte[]>> received = consume(broker, topic, sent.size());
        List<CredriftEvent> decoded = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : received) {
            assertThat(new String(record.key(), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(headerText(record, EventCodec.CE_SUBJECT));
            DecodeResult result = codec.decode(toNeutral(record));
            assertThat(result).isInstanceOf(Decoded.class);
            decoded.add(((Decoded) result).event());
        }
        assertThat(decoded).containsExactlyElementsOf(sent);
    }

    private void produce(KafkaBroker broker, String topic, List<CredriftEvent> events) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class,
                ProducerConfig.ACKS_CONFIG,
                "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            for (CredriftEvent event : events) {
                KafkaRecord encoded = codec.encode(event);
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, encoded.key(), encoded.value());
                encoded.headers().forEach((name, value) -> record.headers().add(name, value));
                producer.send(record).get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> consume(KafkaBroker broker, String topic, int count) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                broker.uniqueName("contract-reader"),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= count;
            });
        }
        return records;
    }

    private static KafkaRecord toNeutral(ConsumerRecord<byte[], byte[]> record) {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value()); // the last value of a repeated name wins, as lastHeader() would
        }
        String key = record.key() == null ? null : new String(record.key(), java.nio.charset.StandardCharsets.UTF_8);
        return new KafkaRecord(key, headers, record.value());
    }

    private static String headerText(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void createTopic(KafkaBroker broker, String topic) throws Exception {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            // one partition keeps the read order equal to the write order
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(1), Optional.empty())))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
    }
}
