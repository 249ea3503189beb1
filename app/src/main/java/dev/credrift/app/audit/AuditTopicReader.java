package dev.credrift.app.audit;

import dev.credrift.app.kafka.BootstrapServers;
import dev.credrift.events.codec.DecodeFailure;
import dev.credrift.events.codec.DecodeResult;
import dev.credrift.events.codec.Decoded;
import dev.credrift.events.codec.EventCodec;
import dev.credrift.events.payload.AuditRecord;
import dev.credrift.kafka.KafkaRecords;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a whole audit topic once: every partition from its beginning to the end offset seen when the read began
 * (records appended meanwhile are left for the next run). No consumer group: an audit run must not move anyone's
 * offsets, and two runs must not share work.
 */
public final class AuditTopicReader {

    private static final Duration POLL = Duration.ofMillis(200);

    private final BootstrapServers bootstrap;
    private final Map<String, String> clientProperties;
    private final Duration timeout;
    private final EventCodec codec = new EventCodec();

    public AuditTopicReader(BootstrapServers bootstrap, Map<String, String> clientProperties, Duration timeout) {
        this.bootstrap = bootstrap;
        this.clientProperties = Map.copyOf(clientProperties);
        this.timeout = timeout;
    }

    /** @throws AuditReadException if the topic is missing or cannot be read to its end within the timeout */
    public AuditStream read(String topic) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(properties(), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
            if (infos == null || infos.isEmpty()) {
                throw new AuditReadException("topic " + topic + " does not exist at " + bootstrap, null);
            }
            List<TopicPartition> partitions = infos.stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .sorted(Comparator.comparingInt(TopicPartition::partition))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
            Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> read = new LinkedHashMap<>();
            partitions.forEach(partition -> read.put(partition, new ArrayList<>()));
            while (!done(consumer, ends)) {
                if (System.nanoTime() > deadline) {
                    throw new AuditReadException(
                            "could not read " + topic + " at " + bootstrap + " to its end within " + timeout.toSeconds()
                                    + " s",
                            null);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() < ends.getOrDefault(partition, 0L)) {
                        read.get(partition).add(record);
                    }
                }
            }
            return decode(topic, partitions.size(), read);
        } catch (TimeoutException e) {
            throw new AuditReadException(
                    "Kafka at " + bootstrap + " did not answer within " + timeout.toSeconds() + " s", e);
        } catch (KafkaException e) {
            throw new AuditReadException(
                    "reading " + topic + " at " + bootstrap + " failed: "
                            + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                    e);
        }
    }

    private static boolean done(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (consumer.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    private AuditStream decode(
            String topic, int partitionCount, Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> read) {
        List<AuditRecord> records = new ArrayList<>();
        List<AuditStream.Position> positions = new ArrayList<>();
        List<AuditStream.Undecodable> undecodable = new ArrayList<>();
        for (List<ConsumerRecord<String, byte[]>> partition : read.values()) {
            for (ConsumerRecord<String, byte[]> record : partition) {
                AuditStream.Position position = new AuditStream.Offset(record.partition(), record.offset());
                DecodeResult result = codec.decode(KafkaRecords.from(record));
                if (result instanceof Decoded decoded && decoded.event().payload() instanceof AuditRecord audit) {
                    records.add(audit);
                    positions.add(position);
                } else if (result instanceof Decoded decoded) {
                    undecodable.add(new AuditStream.Undecodable(
                            position,
                            record.key(),
                            "not an audit record but " + decoded.event().type().typeName()));
                } else {
                    DecodeFailure failure = (DecodeFailure) result;
                    undecodable.add(new AuditStream.Undecodable(
                            position, record.key(), failure.reason() + ": " + failure.detail()));
                }
            }
        }
        return new AuditStream(
                "audit topic " + topic + " at " + bootstrap, partitionCount, records, positions, undecodable);
    }

    private Properties properties() {
        Properties properties = new Properties();
        properties.putAll(clientProperties);
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap.value());
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "credrift-audit-verify");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        properties.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return properties;
    }
}
