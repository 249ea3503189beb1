package dev.credrift.reconciler.it;

import static org.awaitility.Awaitility.await;

import dev.credrift.events.BindingId;
import dev.credrift.events.CredriftEvent;
import dev.credrift.events.EventFactory;
import dev.credrift.events.Topic;
import dev.credrift.events.Topics;
import dev.credrift.events.codec.Decoded;
import dev.credrift.events.codec.EventCodec;
import dev.credrift.events.codec.KafkaRecord;
import dev.credrift.events.payload.AuditRecord;
import dev.credrift.events.payload.EventPayload;
import dev.credrift.events.payload.ResyncRequested;
import dev.credrift.reconciler.kafka.TopicReader;
import dev.credrift.sandbox.kafka.KafkaBroker;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A test world's Kafka side: topics of its own on the shared broker, the reconcilers' group name, nudges as the
 * watcher would send them, and reading back what the reconcilers wrote.
 */
final class ReconcilerBus implements AutoCloseable {

    final KafkaBroker kafka;
    final Topics topics;
    final String group;
    private final EventCodec codec = new EventCodec();
    private final KafkaProducer<String, byte[]> producer;

    ReconcilerBus(KafkaBroker kafka) throws Exception {
        this.kafka = kafka;
        this.topics = Topics.withPrefix(kafka.uniqueName("credrift"));
        this.group = kafka.uniqueName("reconciler");
        createTopics();
        Properties props = new Properties();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        props.put("acks", "all");
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /** What the watcher would send: a nudge for the binding. */
    void nudge(BindingId id) {
        observe(new ResyncRequested(id, ResyncRequested.Reason.PERIODIC));
    }

    /** What the watcher would send: an observation of the binding's world. */
    void observe(EventPayload observation) {
        KafkaRecord record = codec.encode(
                EventFactory.system(URI.create("urn:credrift:watcher")).create(observation));
        ProducerRecord<String, byte[]> out =
                new ProducerRecord<>(topics.name(Topic.OBSERVATIONS), record.key(), record.value());
        record.headers().forEach((k, v) -> out.headers().add(k, v));
        ItWorld.join(producer.send(out));
    }

    /** A record that is not a credrift event. */
    void sendGarbage(String key) {
        ItWorld.join(producer.send(new ProducerRecord<>(
                topics.name(Topic.OBSERVATIONS), key, "not a cloud event".getBytes(StandardCharsets.UTF_8))));
    }

    List<KafkaRecord> raw(Topic topic) {
        List<KafkaRecord> records = new ArrayList<>();
        new TopicReader(Map.of("bootstrap.servers", kafka.bootstrapServers()), Duration.ofSeconds(20))
                .readAll(topics.name(topic), r -> {
                    Map<String, byte[]> headers = new LinkedHashMap<>();
                    r.headers().forEach(h -> headers.put(h.key(), h.value()));
                    records.add(new KafkaRecord(r.key(), headers, r.value()));
                });
        return records;
    }

    List<CredriftEvent> events(Topic topic) {
        return raw(topic).stream()
                .map(codec::decode)
                .filter(Decoded.class::isInstance)
                .map(d -> ((Decoded) d).event())
                .toList();
    }

    <T extends EventPayload> List<T> outcomes(Class<T> type) {
        return events(Topic.OUTCOMES).stream()
                .map(CredriftEvent::payload)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    List<AuditRecord> audit() {
        return events(Topic.AUDIT).stream()
                .map(CredriftEvent::payload)
                .filter(AuditRecord.class::isInstance)
                .map(AuditRecord.class::cast)
                .toList();
    }

    /**
     * Waits until the reconcilers' group has committed every observation sent so far: each one was handled and its
     * effects made durable (a freshly started reconciler is idle before it has read anything; this is not).
     */
    void awaitCommitted() {
        String topic = topics.name(Topic.OBSERVATIONS);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            await().atMost(60, TimeUnit.SECONDS)
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                                .partitionsToOffsetAndMetadata()
                                .get();
                        Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
                        admin.describeTopics(List.of(topic))
                                .allTopicNames()
                                .get()
                                .get(topic)
                                .partitions()
                                .forEach(
                                        p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
                        return admin.listOffsets(latest).all().get().entrySet().stream()
                                .allMatch(end -> {
                                    OffsetAndMetadata done = committed.get(end.getKey());
                                    return end.getValue().offset() == 0
                                            || done != null
                                                    && done.offset()
                                                            >= end.getValue().offset();
                                });
                    });
        }
    }

    @Override
    public void close() {
        producer.close();
    }

    private void createTopics() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            List<NewTopic> newTopics = new ArrayList<>();
            for (Topic topic : Topic.values()) {
                NewTopic t = new NewTopic(topics.name(topic), topic == Topic.OBSERVATIONS ? 2 : 1, (short) 1);
                if (topic.compacted()) {
                    t.configs(Map.of("cleanup.policy", "compact"));
                }
                newTopics.add(t);
            }
            admin.createTopics(newTopics).all().get(30, TimeUnit.SECONDS);
        }
    }
}
