package dev.credrift.app.sandbox;

import dev.credrift.events.CredriftEvent;
import dev.credrift.events.codec.DecodeResult;
import dev.credrift.events.codec.Decoded;
import dev.credrift.events.codec.EventCodec;
import dev.credrift.kafka.KafkaRecords;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the outcomes and audit topics of one sandbox world from their beginning, as any Kafka client could, and
 * hands each decoded event to a listener as it arrives — that is how the printout learns what credrift did.
 * {@link #finish(Duration)} reads on to the end offsets of the moment and stops, so nothing credrift wrote before
 * it stopped is missed.
 */
public final class OutcomeTap implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutcomeTap.class);

    /** Hears every decoded event as it arrives, on the tap's thread. */
    public interface Listener {
        void outcome(CredriftEvent event);

        /** An audit event; most listeners only follow outcomes. */
        default void audit(CredriftEvent event) {}
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final String outcomesTopic;
    private final String auditTopic;
    private final Listener listener;
    private final EventCodec codec = new EventCodec();
    private final List<CredriftEvent> outcomes = new CopyOnWriteArrayList<>();
    private final List<CredriftEvent> audit = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean finishing;
    private volatile boolean stopped;

    public OutcomeTap(String bootstrapServers, String outcomesTopic, String auditTopic, Listener listener) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "credrift-sandbox-tap");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        this.consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
        this.outcomesTopic = outcomesTopic;
        this.auditTopic = auditTopic;
        this.listener = listener;
        this.thread = new Thread(this::loop, "credrift-sandbox-tap");
        this.thread.setDaemon(true);
    }

    public void start() {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(outcomesTopic, auditTopic)) {
            consumer.partitionsFor(topic, Duration.ofSeconds(10))
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        thread.start();
    }

    private void loop() {
        Map<TopicPartition, Long> ends = null;
        try {
            while (!stopped) {
                if (finishing && ends == null) {
                    ends = consumer.endOffsets(consumer.assignment(), Duration.ofSeconds(10));
                }
                if (ends != null && caughtUp(ends)) {
                    return;
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    handle(record);
                }
            }
        } catch (WakeupException e) {
            // close() while polling
        } catch (RuntimeException e) {
            LOG.warn("sandbox: reading credrift's outcomes stopped: {}", e.toString());
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private boolean caughtUp(Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (consumer.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        DecodeResult result = codec.decode(KafkaRecords.from(record));
        if (!(result instanceof Decoded decoded)) {
            return;
        }
        boolean isAudit = record.topic().equals(auditTopic);
        (isAudit ? audit : outcomes).add(decoded.event());
        try {
            if (isAudit) {
                listener.audit(decoded.event());
            } else {
                listener.outcome(decoded.event());
            }
        } catch (RuntimeException e) {
            LOG.warn("sandbox: handling an event failed: {}", e.toString());
        }
    }

    /** Reads on to the current end of both topics (at most {@code bound}), then stops. */
    public void finish(Duration bound) {
        finishing = true;
        try {
            thread.join(bound.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close();
    }

    /** The outcome events read so far, in arrival order. */
    List<CredriftEvent> outcomes() {
        return List.copyOf(outcomes);
    }

    /** The audit events read so far, in arrival order. */
    List<CredriftEvent> audit() {
        return List.copyOf(audit);
    }

    @Override
    public void close() {
        stopped = true;
        if (thread.getState() == Thread.State.NEW) {
            consumer.close(Duration.ofSeconds(2));
        } else if (thread.isAlive()) {
            consumer.wakeup();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
