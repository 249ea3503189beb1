package dev.credrift.notifier;

import dev.credrift.events.BindingId;
import dev.credrift.events.CredriftEvent;
import dev.credrift.events.EventFactory;
import dev.credrift.events.payload.Authority;
import dev.credrift.events.payload.DriftClass;
import dev.credrift.events.payload.DriftDetected;
import dev.credrift.events.payload.HopFingerprints;
import dev.credrift.notifier.config.SinkConfig;
import dev.credrift.notifier.config.SinkTarget;
import dev.credrift.notifier.delivery.DeliveryResult;
import dev.credrift.notifier.delivery.MessageRenderer;
import dev.credrift.notifier.delivery.SinkWorker;
import dev.credrift.notifier.report.Incoming;
import dev.credrift.notifier.report.Report;
import dev.credrift.notifier.report.ReportKind;
import dev.credrift.notifier.report.Severity;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * {@code credrift notify test --sink NAME}: sends one sample message to a sink so an operator can check
 * URL, key and network. Slack gets a "test message" in Block Kit; a webhook gets a signed CloudEvent
 * {@code dev.credrift.drift.detected.v1} saying {@code IN_SYNC} (nothing drifted) for binding
 * {@value #SAMPLE_NAMESPACE}/{@value #SAMPLE_NAME} from source {@link #SAMPLE_SOURCE}, so receivers
 * can recognise and drop it. One attempt, no retry: the operator sees the sink's answer at once.
 * Nothing is published to Kafka.
 */
public final class NotifyTest {

    /** Namespace of the sample binding. */
    public static final String SAMPLE_NAMESPACE = "credrift";
    /** Name of the sample binding. */
    public static final String SAMPLE_NAME = "notify-test";
    /** CloudEvents source of the sample event. */
    public static final URI SAMPLE_SOURCE = URI.create("urn:credrift:notifier:notify-test");

    private NotifyTest() {}

    /** Sends the sample with the system clock and environment. */
    public static Future<DeliveryResult> send(Vertx vertx, SinkConfig sink) {
        return send(vertx, sink, NotifierEnvironment.system());
    }

    /**
     * Sends the sample once. Fails with an {@link dev.credrift.notifier.config.InvalidNotifierConfig} if the
     * sink's secrets cannot be read; otherwise completes with {@link DeliveryResult.Delivered} or
     * {@link DeliveryResult.Failed} (code, status, detail — never the URL).
     */
    public static Future<DeliveryResult> send(Vertx vertx, SinkConfig sink, NotifierEnvironment environment) {
        Objects.requireNonNull(vertx, "vertx");
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(environment, "environment");
        SinkTarget target;
        try {
            target = sink.withRetry(sink.retry().withMaxAttempts(1)).resolve(environment.env());
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
        Report report = sampleReport(environment.clock());
        Context context = vertx.getOrCreateContext();
        Promise<DeliveryResult> result = Promise.promise();
        // the worker is single-threaded by contract: drive it from one context
        context.runOnContext(v -> {
            SinkWorker worker = new SinkWorker(vertx, target, new MessageRenderer(), environment.clock());
            worker.submit(report).onComplete(done -> {
                worker.close();
                result.handle(done);
            });
        });
        return result.future();
    }

    /** The sample report: kind {@link ReportKind#TEST}, triggered by an {@code IN_SYNC} drift detection. */
    public static Report sampleReport(Clock clock) {
        EventFactory events = new EventFactory(SAMPLE_SOURCE, clock, () -> "notify-test-" + UUID.randomUUID());
        CredriftEvent event = events.create(new DriftDetected(
                BindingId.of(SAMPLE_NAMESPACE, SAMPLE_NAME),
                DriftClass.IN_SYNC,
                Authority.SOURCE,
                new HopFingerprints(null, null, null),
                null,
                "credrift notify test: a sample event, nothing drifted"));
        return new Report(
                ReportKind.TEST,
                Severity.INFO,
                new Incoming(event, null),
                null,
                null,
                null,
                null,
                List.of(),
                List.of(),
                null);
    }
}
