package dev.credrift.reconciler.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from its beginning (or its last records) to the end offsets it had when the read began, without a
 * consumer group. Blocking: run it on a worker.
 */
public final class TopicReader {

    private final Map<String, String> clientConfig;
    private final Duration timeout;

    /**
     * @param clientConfig at least {@code bootstrap.servers}
     * @param timeout      the longest a read may take
     */
    public TopicReader(Map<String, String> clientConfig, Duration timeout) {
        this.clientConfig = Map.copyOf(clientConfig);
        this.timeout = timeout;
    }

    /** Every record of {@code topic}, in partition order; a missing topic reads as empty. */
    public void readAll(String topic, Consumer<ConsumerRecord<String, byte[]>> each) {
        read(topic, Long.MAX_VALUE, each);
    }

    /** The last {@code perPartition} records of each partition of {@code topic}. */
    public void readTail(String topic, long perPartition, Consumer<ConsumerRecord<String, byte[]>> each) {
        read(topic, perPartition, each);
    }

    private void read(String topic, long tail, Consumer<ConsumerRecord<String, byte[]>> each) {
        Properties props = new Properties();
        props.putAll(clientConfig);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "credrift-reconciler-reader");
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
            if (infos == null || infos.isEmpty()) {
                return;
            }
            List<TopicPartition> partitions = infos.stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions, timeout));
            Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions, timeout);
            for (TopicPartition partition : partitions) {
                long begin = begins.getOrDefault(partition, 0L);
                long end = ends.getOrDefault(partition, 0L);
                long start = tail == Long.MAX_VALUE ? begin : Math.max(begin, end - tail);
                consumer.seek(partition, start);
            }
            Instant deadline = Instant.now().plus(timeout);
            while (!caughtUp(consumer, ends)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(
                            "reading topic " + topic + " to its end took longer than " + timeout);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(each);
            }
        }
    }

    private static boolean caughtUp(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (consumer.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }
}
