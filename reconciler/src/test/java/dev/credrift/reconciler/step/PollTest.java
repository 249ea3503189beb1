package dev.credrift.reconciler.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PollTest {

    /** Far longer than any await below: a look that comes early came from a wake. */
    private static final Duration FALLBACK = Duration.ofMinutes(1);

    private final Vertx vertx = Vertx.vertx();
    private final AtomicReference<Runnable> wake = new AtomicReference<>();
    private final AtomicBoolean unsubscribed = new AtomicBoolean();
    private final AtomicReference<Context> pollContext = new AtomicReference<>();
    private final Function<Runnable, AutoCloseable> wakes = w -> {
        wake.set(w);
        return () -> unsubscribed.set(true);
    };

    @AfterEach
    void closeVertx() {
        vertx.close()
                .toCompletionStage()
                .toCompletableFuture()
                .orTimeout(10, TimeUnit.SECONDS)
                .join();
    }

    @Test
    void shouldLookAgainAtOnceWhenWokenBeforeTheTimer() {
        AtomicBoolean replicaSynced = new AtomicBoolean();
        List<Promise<Optional<String>>> looks = new CopyOnWriteArrayList<>();
        AtomicReference<Future<Optional<String>>> result = poll(() -> {
            Promise<Optional<String>> look = Promise.promise();
            looks.add(look);
            look.complete(replicaSynced.get() ? Optional.of("synced") : Optional.empty());
            return look.future();
        });
        await().atMost(5, TimeUnit.SECONDS).until(() -> looks.size() == 1 && wake.get() != null);

        replicaSynced.set(true);
        wake.get().run(); // an informer thread, say

        await().atMost(5, TimeUnit.SECONDS).until(() -> result.get().isComplete());
        assertThat(result.get().result()).contains("synced");
        assertThat(looks).hasSize(2);
        assertThat(unsubscribed).isTrue();
    }

    @Test
    void shouldLookAgainWhenWokenDuringALook() {
        List<Promise<Optional<String>>> looks = new CopyOnWriteArrayList<>();
        AtomicReference<Future<Optional<String>>> result = poll(() -> {
            Promise<Optional<String>> look = Promise.promise();
            looks.add(look);
            if (looks.size() > 1) {
                look.complete(Optional.of("ready"));
            }
            return look.future();
        });
        await().atMost(5, TimeUnit.SECONDS).until(() -> looks.size() == 1 && wake.get() != null);

        wake.get().run(); // the change lands while the first look still reads
        pollContext.get().runOnContext(v -> looks.get(0).complete(Optional.empty()));

        await().atMost(5, TimeUnit.SECONDS).until(() -> result.get().isComplete());
        assertThat(result.get().result()).contains("ready");
        assertThat(looks).hasSize(2);
    }

    @Test
    void shouldLookAtMostTwiceSpacedWhenABurstOfWakesComes() {
        List<Long> looks = new CopyOnWriteArrayList<>();
        poll(() -> {
            looks.add(System.nanoTime());
            return Future.succeededFuture(Optional.<String>empty());
        });
        await().atMost(5, TimeUnit.SECONDS).until(() -> looks.size() == 1 && wake.get() != null);

        for (int i = 0; i < 50; i++) {
            wake.get().run(); // a rollout: every pod updated several times
        }

        // the first wake may look at once, the rest of the burst costs one look more, after the spacing
        await().atMost(5, TimeUnit.SECONDS).until(() -> looks.size() >= 2);
        await().during(Duration.ofMillis(400))
                .atMost(5, TimeUnit.SECONDS)
                .untilAsserted(() -> assertThat(looks).hasSizeBetween(2, 3));
        for (int i = 2; i < looks.size(); i++) {
            assertThat(TimeUnit.NANOSECONDS.toMillis(looks.get(i) - looks.get(i - 1)))
                    .isGreaterThanOrEqualTo(Poll.MIN_SPACING.toMillis() - 1);
        }
    }

    @Test
    void shouldGiveUpEmptyWhenNothingChangesBeforeTheDeadline() {
        AtomicReference<Future<Optional<String>>> result = new AtomicReference<>();
        vertx.runOnContext(v -> result.set(Poll.until(
                vertx,
                Clock.systemUTC(),
                Duration.ofMillis(20),
                Duration.ofMillis(200),
                wakes,
                () -> Future.succeededFuture(Optional.<String>empty()))));

        await().atMost(5, TimeUnit.SECONDS)
                .until(() -> result.get() != null && result.get().isComplete());
        assertThat(result.get().result()).isEmpty();
        assertThat(unsubscribed).isTrue();
    }

    private AtomicReference<Future<Optional<String>>> poll(Supplier<Future<Optional<String>>> look) {
        AtomicReference<Future<Optional<String>>> result = new AtomicReference<>();
        vertx.runOnContext(v -> {
            pollContext.set(vertx.getOrCreateContext());
            result.set(Poll.until(vertx, Clock.systemUTC(), FALLBACK, FALLBACK.multipliedBy(5), wakes, look));
        });
        await().atMost(5, TimeUnit.SECONDS).until(() -> result.get() != null);
        return result;
    }
}
