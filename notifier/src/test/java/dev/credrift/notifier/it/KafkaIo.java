package dev.credrift.notifier.it;

import dev.credrift.events.CredriftEvent;
import dev.credrift.events.codec.DecodeResult;
import dev.credrift.events.codec.Decoded;
import dev.credrift.events.codec.EventCodec;
import dev.credrift.events.codec.KafkaRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain kafka-clients access for tests: topics, producing events and garbage, reading topics, offsets. */
final class KafkaIo implements AutoCloseable {

    private final String bootstrapServers;
    private final EventCodec codec = new EventCodec();
    private final KafkaProducer<String, byte[]> producer;
    private final Admin admin;

    KafkaIo(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.producer = new KafkaProducer<>(
                Map.of(
                        "bootstrap.servers",
                        bootstrapServers,
                        "acks",
                        "all",
                        "delivery.timeout.ms",
                        120_000,
                        "request.timeout.ms",
                        10_000),
                new StringSerializer(),
                new ByteArraySerializer());
        this.admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers, "default.api.timeout.ms", 60_000));
    }

    void createTopics(int partitions, String... names) throws Exception {
        List<NewTopic> topics = new ArrayList<>();
        for (String name : names) {
            topics.add(new NewTopic(name, partitions, (short) 1));
        }
        admin.createTopics(topics).all().get(60, TimeUnit.SECONDS);
    }

    void send(String topic, CredriftEvent event) throws Exception {
        KafkaRecord record = codec.encode(event);
        ProducerRecord<String, byte[]> out = new ProducerRecord<>(topic, record.key(), record.value());
        record.headers().forEach((name, value) -> out.headers().add(name, value));
        producer.send(out).get(120, TimeUnit.SECONDS);
    }

    void sendAll(String topic, List<CredriftEvent> events) throws Exception {
        for (CredriftEvent event : events) {
            send(topic, event);
        }
    }

    void sendRaw(String topic, String key, byte[] value, Map<String, byte[]> headers) throws Exception {
        ProducerRecord<String, byte[]> out = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, header) -> out.headers().add(name, header));
        producer.send(out).get(60, TimeUnit.SECONDS);
    }

    /** Every record of a topic, from the beginning to the current end. */
    List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of("bootstrap.servers", bootstrapServers, "enable.auto.commit", "false"),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** The decodable events of a topic. */
    List<CredriftEvent> events(String topic) {
        List<CredriftEvent> events = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : readAll(topic)) {
            Map<String, byte[]> headers = new LinkedHashMap<>();
            for (Header header : record.headers()) {
                headers.put(header.key(), header.value());
            }
            DecodeResult result = codec.decode(new KafkaRecord(record.key(), headers, record.value()));
            if (result instanceof Decoded decoded) {
                events.add(decoded.event());
            }
        }
        return events;
    }

    /** Committed offset per partition of a group on a topic (absent partitions: nothing committed). */
    Map<Integer, Long> committed(String group, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get(30, TimeUnit.SECONDS);
        Map<Integer, Long> result = new HashMap<>();
        offsets.forEach((tp, offset) -> {
            if (tp.topic().equals(topic) && offset != null) {
                result.put(tp.partition(), offset.offset());
            }
        });
        return result;
    }

    /** End offset per partition (partitions with records only). */
    Map<Integer, Long> endOffsets(String topic) throws Exception {
        Set<TopicPartition> partitions = admin
                .describeTopics(List.of(topic))
                .allTopicNames()
                .get(30, TimeUnit.SECONDS)
                .get(topic)
                .partitions()
                .stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .collect(Collectors.toSet());
        Map<TopicPartition, OffsetSpec> latest =
                partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
        Map<Integer, Long> result = new HashMap<>();
        admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).forEach((tp, info) -> {
            if (info.offset() > 0) {
                result.put(tp.partition(), info.offset());
            }
        });
        return result;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
    }
}
