package dev.credrift.notifier.delivery;

import dev.credrift.notifier.config.SinkTarget;
import dev.credrift.notifier.report.Report;
import io.github.resilience4j.retry.Retry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one sink's messages: its own queue, at most {@code concurrency} messages in flight (1 keeps
 * them in order), the sink's rate limit before every attempt, Resilience4j retries between attempts.
 * A sink that hangs or fails holds up only this queue. An attempt without an answer in time is retried:
 * the sink may have taken it (a late 2xx), so a receiver can get the message twice, always with the same
 * {@code Idempotency-Key} — at least once, never at most once. Must be used from one Vert.x context (the
 * notifier's); {@link #close()} fails what is still queued or in flight with {@link WorkerClosed}.
 */
public final class SinkWorker {

    private static final Logger LOG = LoggerFactory.getLogger(SinkWorker.class);

    private final Vertx vertx;
    private final SinkTarget target;
    private final HttpSender sender;
    private final MessageRenderer renderer;
    private final TokenBucket bucket;
    private final Retry retry;
    private final ArrayDeque<Job> queue = new ArrayDeque<>();
    private final Set<Job> running = new HashSet<>();
    private final Set<Long> timers = new HashSet<>();
    private final AtomicInteger backlog = new AtomicInteger();
    private boolean closed;

    /** A worker with its own HTTP client. */
    public SinkWorker(Vertx vertx, SinkTarget target, MessageRenderer renderer, Clock clock) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.target = Objects.requireNonNull(target, "target");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.sender = new HttpSender(vertx, target, clock);
        this.bucket = new TokenBucket(target.config().rateLimit(), clock);
        this.retry = RetrySchedule.forSink(target.name(), target.config().retry());
    }

    /** The sink delivered to. */
    public SinkTarget target() {
        return target;
    }

    /** Queues a report; completes with how its delivery ended, or fails with {@link WorkerClosed}. */
    public Future<DeliveryResult> submit(Report report) {
        if (closed) {
            return Future.failedFuture(new WorkerClosed(target.name()));
        }
        Promise<DeliveryResult> promise = Promise.promise();
        OutgoingMessage message;
        try {
            message = renderer.render(report, target);
        } catch (RuntimeException bug) {
            report.on(LOG.atError())
                    .log(
                            "sink {}: could not render a {} report ({})",
                            target.name(),
                            report.kind(),
                            bug.getClass().getName());
            return Future.succeededFuture(new DeliveryResult.Failed(
                    1,
                    new DeliveryError(
                            DeliveryError.Code.INTERNAL_ERROR,
                            0,
                            null,
                            "the message could not be rendered ("
                                    + bug.getClass().getSimpleName() + ")")));
        }
        queue.add(new Job(message, promise, retry.asyncContext()));
        backlog.incrementAndGet();
        drain();
        return promise.future();
    }

    /** Messages queued or in flight. */
    public int backlog() {
        return backlog.get();
    }

    /** Stops: queued and in-flight messages fail with {@link WorkerClosed} (their records are read again later). */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        timers.forEach(vertx::cancelTimer);
        timers.clear();
        List<Job> abandoned = new ArrayList<>(queue);
        abandoned.addAll(running);
        queue.clear();
        running.clear();
        for (Job job : abandoned) {
            job.promise.tryFail(new WorkerClosed(target.name()));
        }
        backlog.set(0);
        sender.close();
    }

    private void drain() {
        while (!closed && running.size() < target.config().concurrency() && !queue.isEmpty()) {
            Job job = queue.poll();
            running.add(job);
            attempt(job);
        }
    }

    private void attempt(Job job) {
        if (closed) {
            return;
        }
        Duration wait = bucket.take();
        if (!wait.isZero()) {
            later(wait.toMillis(), () -> attempt(job));
            return;
        }
        job.attempts++;
        sender.post(job.message).onComplete(answer -> {
            if (closed) {
                return;
            }
            if (answer.succeeded()) {
                job.retry.onComplete();
                finish(job, new DeliveryResult.Delivered(job.attempts, answer.result()));
                return;
            }
            DeliveryError error = answer.cause() instanceof DeliveryFailure failure
                    ? failure.error()
                    : DeliveryError.ofThrowable(answer.cause(), target.config().timeouts());
            long delay = job.retry.onError(
                    answer.cause() instanceof DeliveryFailure failure ? failure : new DeliveryFailure(error));
            if (delay < 0) {
                job.message
                        .report()
                        .on(LOG.atWarn())
                        .log(
                                "sink {}: giving up on {} after {} attempt(s): {} ({})",
                                target.name(),
                                job.message.report().kind(),
                                job.attempts,
                                error.code(),
                                error.detail());
                finish(job, new DeliveryResult.Failed(job.attempts, error));
                return;
            }
            job.message
                    .report()
                    .on(LOG.atInfo())
                    .log(
                            "sink {}: attempt {} failed: {} ({}); retrying in {} ms{}",
                            target.name(),
                            job.attempts,
                            error.code(),
                            error.detail(),
                            delay,
                            error.code() == DeliveryError.Code.TIMEOUT
                                    ? " (it may have arrived: same Idempotency-Key)"
                                    : "");
            later(delay, () -> attempt(job));
        });
    }

    private void finish(Job job, DeliveryResult result) {
        running.remove(job);
        backlog.decrementAndGet();
        job.promise.tryComplete(result);
        drain();
    }

    private void later(long millis, Runnable action) {
        long[] id = new long[1];
        id[0] = vertx.setTimer(Math.max(1, millis), t -> {
            timers.remove(id[0]);
            action.run();
        });
        timers.add(id[0]);
    }

    /** A worker was closed before the message's delivery ended. */
    public static final class WorkerClosed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WorkerClosed(String sink) {
            super("sink " + sink + " was closed before the delivery ended", null, false, false);
        }
    }

    private static final class Job {
        final OutgoingMessage message;
        final Promise<DeliveryResult> promise;
        final Retry.AsyncContext<Object> retry;
        int attempts;

        Job(OutgoingMessage message, Promise<DeliveryResult> promise, Retry.AsyncContext<Object> retry) {
            this.message = message;
            this.promise = promise;
            this.retry = retry;
        }
    }
}
