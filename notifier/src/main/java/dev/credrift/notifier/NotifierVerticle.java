package dev.credrift.notifier;

import dev.credrift.events.CredriftEvent;
import dev.credrift.events.EventFactory;
import dev.credrift.events.Topic;
import dev.credrift.events.codec.DecodeFailure;
import dev.credrift.events.codec.DecodeResult;
import dev.credrift.events.codec.Decoded;
import dev.credrift.events.codec.EventCodec;
import dev.credrift.events.codec.KafkaRecord;
import dev.credrift.kafka.KafkaRecords;
import dev.credrift.kafka.ProducerDefaults;
import dev.credrift.notifier.config.SinkConfig;
import dev.credrift.notifier.config.SinkTarget;
import dev.credrift.notifier.delivery.DeliveryResult;
import dev.credrift.notifier.delivery.MessageRenderer;
import dev.credrift.notifier.delivery.SinkWorker;
import dev.credrift.notifier.kafka.OffsetBook;
import dev.credrift.notifier.kafka.ResultPublisher;
import dev.credrift.notifier.kafka.Ticket;
import dev.credrift.notifier.metrics.NotifierMetrics;
import dev.credrift.notifier.report.Emission;
import dev.credrift.notifier.report.Incoming;
import dev.credrift.notifier.report.Origin;
import dev.credrift.notifier.report.Report;
import dev.credrift.notifier.report.Reporter;
import dev.credrift.notifier.routing.Deduplicator;
import dev.credrift.notifier.routing.Router;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.kafka.client.common.TopicPartition;
import io.vertx.kafka.client.consumer.KafkaConsumer;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import io.vertx.kafka.client.consumer.OffsetAndMetadata;
import io.vertx.kafka.client.producer.KafkaProducer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

// The notifier's event loop: reads outcomes, folds them into reports, routes them to sink workers and
// commits each partition only up to the first record not yet delivered or dead-lettered. Everything
// here runs on the verticle's context, so nothing needs a lock except the counters read by stats().
final class NotifierVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(NotifierVerticle.class);
    private static final long EXPIRY_CHECK_MILLIS = 60_000;

    private final NotifierConfig config;
    private final String bootstrapServers;
    private final NotifierEnvironment environment;
    private final EventCodec codec = new EventCodec();
    private final OffsetBook offsets = new OffsetBook();
    private final Map<String, SinkWorker> workers = new LinkedHashMap<>();

    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong suppressed = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private volatile int inFlight;
    private volatile int openRemediations;

    private Reporter<Ticket> reporter;
    private Router router;
    private Deduplicator dedup;
    private ResultPublisher publisher;
    private KafkaConsumer<String, byte[]> consumer;
    private KafkaProducer<String, byte[]> producer;
    private NotifierMetrics metrics;
    private AutoCloseable consumerMetrics;
    private long commitTimer = -1;
    private long expiryTimer = -1;
    private boolean paused;
    private boolean stopping;

    NotifierVerticle(NotifierConfig config, String bootstrapServers, NotifierEnvironment environment) {
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.environment = environment;
    }

    NotifierStats stats() {
        return new NotifierStats(
                delivered.get(), failed.get(), suppressed.get(), deadLettered.get(), inFlight, openRemediations);
    }

    @Override
    public Future<?> start() {
        List<SinkTarget> targets = new ArrayList<>();
        for (SinkConfig sink : config.sinks()) {
            targets.add(sink.resolve(environment.env()));
        }
        MessageRenderer renderer = new MessageRenderer();
        for (SinkTarget target : targets) {
            workers.put(target.name(), new SinkWorker(vertx, target, renderer, environment.clock()));
        }
        router = new Router(config.routes(), List.copyOf(workers.keySet()));
        metrics = new NotifierMetrics(environment.meters(), workers.keySet());
        metrics.progress(() -> inFlight, () -> openRemediations);
        dedup = new Deduplicator(config.dedupWindow(), environment.clock());
        reporter = new Reporter<>(config.hopLabels(), config.openRemediationTimeout());
        producer = KafkaProducer.create(vertx, producerConfig());
        publisher = new ResultPublisher(
                vertx,
                producer,
                config.topics(),
                new EventFactory(
                        config.source(),
                        environment.clock(),
                        () -> UUID.randomUUID().toString()));
        consumer = KafkaConsumer.create(vertx, consumerConfig());
        consumerMetrics = metrics.kafkaConsumer(consumer.unwrap(), config.groupId());
        consumer.exceptionHandler(
                e -> LOG.warn("Kafka consumer trouble ({})", e.getClass().getSimpleName()));
        consumer.partitionsRevokedHandler(this::onRevoked);
        consumer.handler(this::onRecord);
        commitTimer = vertx.setPeriodic(config.commitInterval().toMillis(), t -> commit());
        expiryTimer = vertx.setPeriodic(
                Math.min(EXPIRY_CHECK_MILLIS, config.openRemediationTimeout().toMillis()), t -> expire());
        String outcomes = config.topics().name(Topic.OUTCOMES);
        LOG.info(
                "notifier reading {} as group {} for {} sink(s): {}",
                outcomes,
                config.groupId(),
                workers.size(),
                workers.keySet());
        // a failed start is not followed by stop(): release what was opened here
        return consumer.subscribe(outcomes).recover(failure -> stop().transform(v -> Future.failedFuture(failure)));
    }

    @Override
    public Future<?> stop() {
        stopping = true;
        vertx.cancelTimer(commitTimer);
        vertx.cancelTimer(expiryTimer);
        // deliveries still running are abandoned: their records were not committed and will be read again
        workers.values().forEach(SinkWorker::close);
        closeMetrics();
        if (publisher != null) {
            publisher.close();
        }
        Future<?> committed =
                consumer == null ? Future.succeededFuture() : commitNow().otherwiseEmpty();
        return committed
                .compose(v -> consumer == null
                        ? Future.succeededFuture()
                        : consumer.close().otherwiseEmpty())
                .compose(v -> producer == null
                        ? Future.succeededFuture()
                        : producer.close().otherwiseEmpty())
                .onComplete(v -> LOG.info("notifier stopped"));
    }

    private void onRecord(KafkaConsumerRecord<String, byte[]> record) {
        if (stopping) {
            return;
        }
        Ticket ticket = offsets.track(record.topic(), record.partition(), record.offset());
        inFlight++;
        pauseIfFull();
        Origin origin = new Origin(record.topic(), record.partition(), record.offset());
        KafkaRecord kafkaRecord = KafkaRecords.from(record.record());
        DecodeResult decoded = codec.decode(kafkaRecord);
        if (decoded instanceof DecodeFailure failure) {
            LOG.warn(
                    "record {}-{}@{} is not a credrift event ({}: {}); dead-lettering it",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    failure.reason(),
                    failure.detail());
            publisher
                    .deadLetter(failure.toDeadLetter(record.topic(), record.partition(), record.offset(), kafkaRecord))
                    .onSuccess(v -> {
                        deadLettered.incrementAndGet();
                        metrics.deadLettered();
                        release(ticket);
                    });
            return;
        }
        CredriftEvent event = ((Decoded) decoded).event();
        Emission<Ticket> emission = reporter.accept(
                new Incoming(event, origin), ticket, environment.clock().instant());
        emission.released().forEach(this::release);
        for (Emission.Due<Ticket> due : emission.reports()) {
            dispatch(due.report()).onSuccess(v -> due.holds().forEach(this::release));
        }
        openRemediations = reporter.openCount();
    }

    private Future<Void> dispatch(Report report) {
        Map<String, String> labels = report.event().bindingLabels();
        try {
            // the reconciler puts the binding's labels on its outcome events; a lookup is only the fallback
            if (labels.isEmpty()) {
                labels = environment.labels().labelsOf(report.binding());
            }
        } catch (RuntimeException e) {
            report.on(LOG.atWarn())
                    .log(
                            "binding labels unavailable ({}); routing without labels",
                            e.getClass().getSimpleName());
            labels = Map.of();
        }
        List<String> sinks = router.route(report, labels == null ? Map.of() : labels);
        if (sinks.isEmpty()) {
            report.on(LOG.atDebug())
                    .log(
                            "no route for {} ({})",
                            report.kind(),
                            report.event().type().typeName());
        }
        List<Future<Void>> deliveries = new ArrayList<>();
        for (String name : sinks) {
            if (!dedup.admit(name, report)) {
                suppressed.incrementAndGet();
                metrics.suppressed(name, 1);
                report.on(LOG.atInfo())
                        .log(
                                "sink {}: {} suppressed: a like message went out within {}",
                                name,
                                report.kind(),
                                config.dedupWindow());
                continue;
            }
            SinkWorker worker = workers.get(name);
            deliveries.add(worker.submit(report).compose(result -> record(worker.target(), report, result)));
        }
        return Future.all(deliveries).mapEmpty();
    }

    private Future<Void> record(SinkTarget sink, Report report, DeliveryResult result) {
        if (result instanceof DeliveryResult.Delivered done) {
            delivered.incrementAndGet();
            metrics.delivered(sink.name());
            report.on(LOG.atInfo())
                    .log(
                            "sink {}: delivered {} (event {}) in {} attempt(s)",
                            sink.name(),
                            report.kind(),
                            report.event().id(),
                            done.attempts());
            return publisher.delivered(report, sink, done);
        }
        DeliveryResult.Failed gaveUp = (DeliveryResult.Failed) result;
        failed.incrementAndGet();
        metrics.failed(sink.name());
        dedup.forget(sink.name(), report);
        report.on(LOG.atWarn())
                .log(
                        "sink {}: {} (event {}) dead-lettered after {} attempt(s): {}",
                        sink.name(),
                        report.kind(),
                        report.event().id(),
                        gaveUp.attempts(),
                        gaveUp.error().code());
        return publisher.failed(report, sink, gaveUp);
    }

    private void closeMetrics() {
        if (consumerMetrics != null) {
            try {
                consumerMetrics.close();
            } catch (Exception e) {
                LOG.debug(
                        "closing the Kafka client metrics failed ({})",
                        e.getClass().getSimpleName());
            }
        }
    }

    private void release(Ticket ticket) {
        if (ticket.release()) {
            inFlight--;
            if (paused && inFlight <= config.maxInFlight() / 2) {
                paused = false;
                consumer.resume();
            }
        }
    }

    private void pauseIfFull() {
        if (!paused && inFlight >= config.maxInFlight()) {
            paused = true;
            LOG.warn("{} records in flight: pausing the consumer until half are delivered", inFlight);
            consumer.pause();
        }
    }

    private void onRevoked(Set<TopicPartition> partitions) {
        commitNow();
        for (TopicPartition partition : partitions) {
            offsets.forget(new OffsetBook.Partition(partition.getTopic(), partition.getPartition()));
            reporter.forgetPartition(partition.getTopic(), partition.getPartition())
                    .forEach(this::release);
        }
        openRemediations = reporter.openCount();
    }

    private void expire() {
        List<Ticket> released = reporter.expire(environment.clock().instant());
        if (!released.isEmpty()) {
            LOG.warn(
                    "let go of {} record(s) of remediations open longer than {}",
                    released.size(),
                    config.openRemediationTimeout());
            released.forEach(this::release);
        }
        openRemediations = reporter.openCount();
    }

    private void commit() {
        if (!stopping) {
            commitNow();
        }
    }

    private Future<Void> commitNow() {
        Map<OffsetBook.Partition, Long> due = offsets.toCommit();
        if (due.isEmpty()) {
            return Future.succeededFuture();
        }
        Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
        due.forEach((partition, offset) -> commits.put(
                new TopicPartition(partition.topic(), partition.partition()), new OffsetAndMetadata(offset, "")));
        return consumer.commit(commits)
                .onSuccess(v -> offsets.committed(due))
                .onFailure(e -> LOG.debug(
                        "commit failed ({}); will try again", e.getClass().getSimpleName()))
                .mapEmpty();
    }

    private Map<String, String> consumerConfig() {
        Map<String, String> settings = new HashMap<>();
        // a new group starts at the end: a first deployment must not replay days of outcomes into Slack
        settings.put("auto.offset.reset", "latest");
        settings.put("isolation.level", "read_committed");
        settings.put("client.id", "credrift-notifier");
        settings.putAll(config.kafka());
        settings.put("bootstrap.servers", bootstrapServers);
        settings.put("group.id", config.groupId());
        settings.put("enable.auto.commit", "false");
        settings.put("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        settings.put("value.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
        return settings;
    }

    private Map<String, String> producerConfig() {
        Map<String, String> settings = new HashMap<>(ProducerDefaults.forClient("credrift-notifier"));
        for (Map.Entry<String, String> setting : config.kafka().entrySet()) {
            // consumer-only settings would only make the producer warn
            if (!CONSUMER_ONLY.contains(setting.getKey())) {
                settings.put(setting.getKey(), setting.getValue());
            }
        }
        settings.put("bootstrap.servers", bootstrapServers);
        settings.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        settings.put("value.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
        return settings;
    }

    private static final Set<String> CONSUMER_ONLY = Set.of(
            "auto.offset.reset",
            "isolation.level",
            "session.timeout.ms",
            "heartbeat.interval.ms",
            "max.poll.records",
            "max.poll.interval.ms",
            "fetch.min.bytes",
            "fetch.max.wait.ms",
            "partition.assignment.strategy",
            "group.protocol",
            "group.instance.id");
}
