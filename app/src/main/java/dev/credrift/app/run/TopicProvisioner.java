package dev.credrift.app.run;

import dev.credrift.app.kafka.AsyncTopicAdmin;
import dev.credrift.app.kafka.KafkaUnreachableException;
import dev.credrift.app.kafka.TopicAdministrator.ProvisioningResult;
import dev.credrift.app.kafka.TopicSpec;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates or verifies credrift's topics at start. An unreachable Kafka is not fatal — in a cluster Kafka may come
 * up after us — so that case is retried with back-off while {@code /readyz} says why we are not ready. Every other
 * failure (incompatible topic, refused request) needs an operator and is fatal: at start through {@link #start()},
 * later through {@link #fatal()}.
 */
final class TopicProvisioner {

    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);

    private final Vertx vertx;
    private final AsyncTopicAdmin admin;
    private final List<TopicSpec> topics;
    private final RetryBackoff backoff;
    private final Promise<Void> fatal = Promise.promise();
    private volatile boolean stopped;
    private long retryTimer = -1;

    TopicProvisioner(Vertx vertx, AsyncTopicAdmin admin, List<TopicSpec> topics, RetryBackoff backoff) {
        this.vertx = vertx;
        this.admin = admin;
        this.topics = List.copyOf(topics);
        this.backoff = backoff;
    }

    /**
     * The first attempt: succeeds when the topics are in place or Kafka is unreachable (a retry is then scheduled);
     * fails on anything an operator must fix.
     */
    Future<Void> start() {
        return attempt(1).compose(done -> Future.succeededFuture(), failure -> {
            if (failure instanceof KafkaUnreachableException) {
                return Future.succeededFuture();
            }
            return Future.failedFuture(failure);
        });
    }

    /** Never succeeds; fails if a later retry finds something an operator must fix. */
    Future<Void> fatal() {
        return fatal.future();
    }

    synchronized void stop() {
        stopped = true;
        if (retryTimer >= 0) {
            vertx.cancelTimer(retryTimer);
        }
    }

    private Future<ProvisioningResult> attempt(int attempt) {
        return admin.ensureTopics(topics).onSuccess(this::report).onFailure(failure -> {
            if (failure instanceof KafkaUnreachableException && !stopped) {
                scheduleRetry(attempt, failure);
            } else if (attempt > 1 && !stopped) {
                fatal.tryFail(failure);
            }
        });
    }

    private synchronized void scheduleRetry(int attempt, Throwable failure) {
        if (stopped) {
            return;
        }
        var delay = backoff.delay(attempt);
        LOG.warn(
                "{}; retrying topic set-up in {} ms (attempt {})", failure.getMessage(), delay.toMillis(), attempt + 1);
        retryTimer = vertx.setTimer(delay.toMillis(), id -> attempt(attempt + 1));
    }

    private void report(ProvisioningResult result) {
        LOG.info(
                "kafka topics in place at {}: created {}, already there {}",
                admin.bootstrapServers(),
                result.created(),
                result.existing());
    }
}
