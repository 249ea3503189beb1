package dev.credrift.reconciler.step;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/** Looks again and again, on timers (never blocking an event loop), until an answer or a deadline. */
final class Poll {

    private Poll() {
    }

    /**
     * @param look    one look: a value when done, empty to look again
     * @return the value, or empty when the deadline passed first
     */
    static <T> Future<Optional<T>> until(Vertx vertx, Clock clock, Duration interval, Duration timeout,
            Supplier<Future<Optional<T>>> look) {
        Promise<Optional<T>> result = Promise.promise();
        Instant deadline = clock.instant().plus(timeout);
        once(vertx, clock, interval, deadline, look, result);
        return result.future();
    }

    private static <T> void once(Vertx vertx, Clock clock, Duration interval, Instant deadline,
            Supplier<Future<Optional<T>>> look, Promise<Optional<T>> result) {
        look.get().onComplete(ar -> {
            if (ar.failed()) {
                result.fail(ar.cause());
            } else if (ar.result().isPresent()) {
                result.complete(ar.result());
            } else if (!clock.instant().plus(interval).isBefore(deadline)) {
                result.complete(Optional.empty());
            } else {
                vertx.setTimer(interval.toMillis(), id -> once(vertx, clock, interval, deadline, look, result));
            }
        });
    }
}
