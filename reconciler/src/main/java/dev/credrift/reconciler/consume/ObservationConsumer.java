package dev.credrift.reconciler.consume;

import dev.credrift.events.BindingId;
import dev.credrift.events.codec.DecodeFailure;
import dev.credrift.events.codec.DecodeResult;
import dev.credrift.events.codec.Decoded;
import dev.credrift.events.codec.EventCodec;
import dev.credrift.events.codec.KafkaRecord;
import dev.credrift.kafka.KafkaRecords;
import dev.credrift.reconciler.report.Outcomes;
import dev.credrift.reconciler.report.ReconcilerMetrics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.kafka.client.common.TopicPartition;
import io.vertx.kafka.client.consumer.KafkaConsumer;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import io.vertx.kafka.client.consumer.OffsetAndMetadata;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The observation consumer: decodes each record, hands its binding to the lanes (or the record to the dead-letter
 * topic), and commits offsets by hand, periodically and on revocation, only as far as handlings are durable.
 * Pauses while too many records are in flight.
 *
 * <p>The Kafka consumer is used from this object's context only, and never once {@link #stop()} has handed it to
 * {@code close()}: the Vert.x client runs every call on one consumer thread, but a call made after {@code close()}
 * (a revocation callback committing, a late assignment asking for partitions) starts a second thread on the same
 * {@code KafkaConsumer}, which answers {@code ConcurrentModificationException} while the first is still closing.
 */
public final class ObservationConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(ObservationConsumer.class);

    /** Consumer settings applied unless overridden: manual commits, start from the beginning of new groups. */
    public static final Map<String, String> DEFAULTS = Map.of(
            "key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer",
            "value.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer",
            "enable.auto.commit", "false",
            "auto.offset.reset", "earliest",
            "isolation.level", "read_committed",
            "client.id", "credrift-reconciler");

    private final Vertx vertx;
    private final KafkaConsumer<String, byte[]> consumer;
    private final String topic;
    private final BindingLanes lanes;
    private final Outcomes outcomes;
    private final ReconcilerMetrics metrics;
    private final int maxInFlight;
    private final AutoCloseable kafkaMetrics;
    private final EventCodec codec = new EventCodec();
    private final OffsetTracker tracker = new OffsetTracker();
    private Assignment onAssigned = (owned, first) -> Future.succeededFuture();
    // read by readiness checks on other threads
    private volatile boolean assignedBefore;
    private long commitTimer = -1;
    private boolean paused;
    private boolean loading;
    /** No more records are taken (stop has begun). */
    private boolean closed;
    /** The Kafka consumer is closing or closed: nothing may call it any more. */
    private boolean consumerClosing;

    public ObservationConsumer(
            Vertx vertx,
            Map<String, String> config,
            String topic,
            BindingLanes lanes,
            Outcomes outcomes,
            ReconcilerMetrics metrics,
            int maxInFlight) {
        this.vertx = vertx;
        Map<String, String> merged = new HashMap<>(DEFAULTS);
        merged.putAll(config);
        this.consumer = KafkaConsumer.create(vertx, merged);
        this.topic = topic;
        this.lanes = lanes;
        this.outcomes = outcomes;
        this.metrics = metrics;
        this.maxInFlight = maxInFlight;
        this.kafkaMetrics = metrics.kafkaConsumer(consumer.unwrap(), merged.getOrDefault("group.id", ""));
    }

    /** What to do when partitions are assigned, before their records are consumed. */
    @FunctionalInterface
    public interface Assignment {

        /**
         * @param owned whether a binding's observations now come to this reconciler (its key's partition is ours)
         * @param first whether this is the first assignment since the start (the journal was just read)
         */
        Future<Void> assigned(Predicate<BindingId> owned, boolean first);
    }

    /** Subscribes; records flow from here on. */
    public Future<Void> start(Duration commitInterval, Assignment assignment) {
        this.onAssigned = assignment;
        consumer.handler(this::onRecord);
        consumer.exceptionHandler(
                e -> LOG.warn("Consume: consumer error ({})", e.getClass().getSimpleName()));
        consumer.partitionsRevokedHandler(this::onRevoked);
        consumer.partitionsAssignedHandler(this::onAssigned);
        commitTimer = vertx.setPeriodic(commitInterval.toMillis(), id -> commit());
        return consumer.subscribe(topic);
    }

    /** Commits what is durable and closes; handlings still running are not waited for (they will be replayed). */
    public Future<Void> stop() {
        closed = true;
        if (commitTimer >= 0) {
            vertx.cancelTimer(commitTimer);
        }
        closeQuietly(kafkaMetrics);
        return commit().recover(e -> Future.succeededFuture()).compose(v -> {
            consumerClosing = true;
            return consumer.close();
        });
    }

    /** Whether the consumer group has handed this consumer an assignment (possibly empty) since the start. */
    public boolean assigned() {
        return assignedBefore;
    }

    /** Records received whose handling is not durable yet. */
    public int inFlight() {
        return tracker.inFlight();
    }

    private void onRecord(KafkaConsumerRecord<String, byte[]> record) {
        if (closed) {
            return;
        }
        OffsetTracker.Partition partition = new OffsetTracker.Partition(record.topic(), record.partition());
        long offset = record.offset();
        tracker.received(partition, offset);
        Runnable done = () -> {
            tracker.done(partition, offset);
            maybeResume();
        };
        KafkaRecord neutral = KafkaRecords.from(record.record());
        DecodeResult decoded = codec.decode(neutral);
        if (decoded instanceof Decoded ok) {
            BindingId id = ok.event().bindingId();
            lanes.submit(id, Trigger.OBSERVATION, done);
        } else {
            DecodeFailure failure = (DecodeFailure) decoded;
            LOG.warn(
                    "Consume: {}[{}]@{} is not a credrift event ({}: {}); sent to the dead-letter topic",
                    record.topic(),
                    record.partition(),
                    offset,
                    failure.reason(),
                    failure.detail());
            metrics.deadLetter(failure.reason().name());
            outcomes.deadLetter(failure.toDeadLetter(record.topic(), record.partition(), offset, neutral))
                    .onComplete(ar -> {
                        if (ar.failed()) {
                            // not durable: leave the offset pending, so that the record is read again after a restart
                            LOG.warn(
                                    "Consume: dead letter for {}[{}]@{} not sent ({})",
                                    record.topic(),
                                    record.partition(),
                                    offset,
                                    ar.cause().getClass().getSimpleName());
                            return;
                        }
                        done.run();
                    });
        }
        if (!paused && tracker.inFlight() >= maxInFlight) {
            paused = true;
            consumer.pause();
            LOG.info("Consume: paused, {} records in flight", tracker.inFlight());
        }
    }

    private void maybeResume() {
        if (paused && !closed && !consumerClosing && tracker.inFlight() <= maxInFlight / 2) {
            paused = false;
            if (!loading) {
                consumer.resume();
            }
        }
    }

    private void onAssigned(Set<TopicPartition> assigned) {
        if (closed || consumerClosing) {
            return;
        }
        LOG.info("Consume: assigned {}", names(assigned));
        boolean first = !assignedBefore;
        assignedBefore = true;
        Set<Integer> mine = assigned.stream()
                .filter(p -> p.getTopic().equals(topic))
                .map(TopicPartition::getPartition)
                .collect(Collectors.toSet());
        loading = true;
        consumer.pause();
        consumer.partitionsFor(topic)
                .compose(infos -> onAssigned.assigned(id -> mine.contains(partitionOf(id, infos.size())), first))
                .onComplete(ar -> {
                    loading = false;
                    if (ar.failed()) {
                        LOG.warn(
                                "Consume: taking over the assigned bindings' journal failed ({}); going on with"
                                        + " what is known",
                                ar.cause().getClass().getSimpleName());
                    }
                    if (!paused && !closed && !consumerClosing) {
                        consumer.resume();
                    }
                });
    }

    /** The partition the default partitioner gives a binding's records (murmur2 of the UTF-8 key). */
    static int partitionOf(BindingId id, int partitions) {
        if (partitions <= 0) {
            return 0;
        }
        byte[] key = id.toString().getBytes(StandardCharsets.UTF_8);
        return Utils.toPositive(Utils.murmur2(key)) % partitions;
    }

    private Future<Void> commit() {
        Map<OffsetTracker.Partition, Long> committable = tracker.committable();
        if (committable.isEmpty() || consumerClosing) {
            return Future.succeededFuture();
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        committable.forEach((p, next) ->
                offsets.put(new TopicPartition(p.topic(), p.partition()), new OffsetAndMetadata(next, "")));
        return consumer.commit(offsets)
                .onSuccess(v -> tracker.committed(committable))
                .onFailure(e -> LOG.warn(
                        "Consume: commit failed ({}); retried on the next tick",
                        e.getClass().getSimpleName()))
                .mapEmpty();
    }

    private void onRevoked(Set<TopicPartition> revoked) {
        LOG.info("Consume: revoked {}", names(revoked));
        // while closing, the revocation comes from close() itself: what finished after stop's commit is replayed
        commit();
        tracker.revoke(revoked.stream()
                .map(p -> new OffsetTracker.Partition(p.getTopic(), p.getPartition()))
                .collect(Collectors.toSet()));
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.debug(
                    "Consume: closing the Kafka client metrics failed ({})",
                    e.getClass().getSimpleName());
        }
    }

    private static String names(Set<TopicPartition> partitions) {
        return partitions.stream()
                .map(p -> p.getTopic() + "[" + p.getPartition() + "]")
                .sorted()
                .collect(Collectors.joining(", "));
    }
}
