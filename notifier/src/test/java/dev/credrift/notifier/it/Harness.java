package dev.credrift.notifier.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.credrift.notifier.config.RateLimit;
import dev.credrift.notifier.config.RetryPolicy;
import dev.credrift.notifier.config.SinkConfig;
import dev.credrift.notifier.config.SinkTimeouts;
import dev.credrift.sandbox.webhook.ReceivedRequest;
import io.vertx.core.Future;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Small shared pieces of the integration tests. */
final class Harness {

    static final RetryPolicy FAST =
            new RetryPolicy(3, Duration.ofMillis(50), 2.0, 0.2, Duration.ofMillis(300), Duration.ofSeconds(5));
    static final SinkTimeouts SHORT = new SinkTimeouts(Duration.ofMillis(500), Duration.ofMillis(400));
    static final RateLimit GENEROUS = new RateLimit(100, Duration.ofSeconds(1), 100);

    private static final ObjectMapper JSON = new ObjectMapper();

    private Harness() {}

    static SinkConfig fast(SinkConfig sink) {
        return sink.withRetry(FAST).withTimeouts(SHORT).withRateLimit(GENEROUS);
    }

    static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    static JsonNode json(ReceivedRequest request) {
        try {
            return JSON.readTree(request.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
