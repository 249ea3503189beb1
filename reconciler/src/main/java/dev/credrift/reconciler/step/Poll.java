package dev.credrift.reconciler.step;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks again and again, never blocking an event loop, until an answer or a deadline: at once when a wake source
 * says that what is awaited changed (an informer event), else on a timer, which is only the fallback. Woken looks
 * are at least {@link #MIN_SPACING} apart, so a burst of wakes costs one look. A wake during a look is not lost: the
 * look is repeated when it ends (after the spacing). Wakes may come from any thread; looks run on the context
 * {@code until} was called on, one at a time.
 */
final class Poll {

    private static final Logger LOG = LoggerFactory.getLogger(Poll.class);

    /** No wake source: timers only. */
    static final Function<Runnable, AutoCloseable> TIMER_ONLY = wake -> () -> {};

    /**
     * The least time between the starts of two woken looks. A rollout updates each pod several times, and every
     * look may re-read the authority (for a vault authority: a 1Password request, which is rate-limited), so N pod
     * updates must cost O(1) looks per spacing; 100 ms delays an answer by too little to matter.
     */
    static final Duration MIN_SPACING = Duration.ofMillis(100);

    private Poll() {}

    /**
     * @param look    one look: a value when done, empty to look again
     * @return the value, or empty when the deadline passed first
     */
    static <T> Future<Optional<T>> until(
            Vertx vertx, Clock clock, Duration interval, Duration timeout, Supplier<Future<Optional<T>>> look) {
        return until(vertx, clock, interval, timeout, TIMER_ONLY, look);
    }

    /**
     * @param wakes subscribes a wake-up (called on any thread) and returns the handle that unsubscribes it
     * @param look  one look: a value when done, empty to look again
     * @return the value, or empty when the deadline passed first
     */
    static <T> Future<Optional<T>> until(
            Vertx vertx,
            Clock clock,
            Duration interval,
            Duration timeout,
            Function<Runnable, AutoCloseable> wakes,
            Supplier<Future<Optional<T>>> look) {
        Polling<T> polling =
                new Polling<>(vertx, clock, interval, clock.instant().plus(timeout), look);
        Context context = vertx.getOrCreateContext();
        AutoCloseable subscription = wakes.apply(() -> context.runOnContext(v -> polling.wake()));
        polling.look();
        return polling.result.future().onComplete(ar -> close(subscription));
    }

    private static void close(AutoCloseable subscription) {
        try {
            subscription.close();
        } catch (Exception e) {
            LOG.debug("unsubscribing a wake source failed", e);
        }
    }

    /** The state of one wait; touched on its context only. */
    private static final class Polling<T> {
        final Promise<Optional<T>> result = Promise.promise();
        private final Vertx vertx;
        private final Clock clock;
        private final Duration interval;
        private final Instant deadline;
        private final Supplier<Future<Optional<T>>> look;
        private boolean looking;
        private boolean woken;
        private boolean wokenLookDue; // the timer set is for a woken look, not the fallback
        private Instant lastLook = Instant.MIN;
        private long timer = -1;

        Polling(Vertx vertx, Clock clock, Duration interval, Instant deadline, Supplier<Future<Optional<T>>> look) {
            this.vertx = vertx;
            this.clock = clock;
            this.interval = interval;
            this.deadline = deadline;
            this.look = look;
        }

        void wake() {
            if (result.future().isComplete()) {
                return;
            }
            if (looking) {
                woken = true; // look again as soon as this look ends
                return;
            }
            if (!wokenLookDue) {
                lookSoon();
            }
        }

        // at once, or when MIN_SPACING has passed since the last look began
        private void lookSoon() {
            if (timer >= 0) {
                vertx.cancelTimer(timer);
                timer = -1;
            }
            long wait = lastLook.equals(Instant.MIN)
                    ? 0
                    : MIN_SPACING.toMillis()
                            - Duration.between(lastLook, clock.instant()).toMillis();
            if (wait <= 0) {
                look();
                return;
            }
            wokenLookDue = true;
            timer = vertx.setTimer(wait, id -> {
                timer = -1;
                look();
            });
        }

        void look() {
            looking = true;
            woken = false;
            wokenLookDue = false;
            lastLook = clock.instant();
            Future<Optional<T>> seen;
            try {
                seen = look.get();
            } catch (RuntimeException e) {
                seen = Future.failedFuture(e);
            }
            seen.onComplete(ar -> {
                looking = false;
                if (ar.failed()) {
                    result.tryFail(ar.cause());
                } else if (ar.result().isPresent()) {
                    result.tryComplete(ar.result());
                } else if (!clock.instant().isBefore(deadline)) {
                    result.tryComplete(Optional.empty());
                } else if (woken) {
                    lookSoon();
                } else if (!clock.instant().plus(interval).isBefore(deadline)) {
                    result.tryComplete(Optional.empty()); // no timed look fits before the deadline any more
                } else {
                    timer = vertx.setTimer(interval.toMillis(), id -> {
                        timer = -1;
                        look();
                    });
                }
            });
        }
    }
}
