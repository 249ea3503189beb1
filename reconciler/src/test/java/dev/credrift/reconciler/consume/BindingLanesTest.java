package dev.credrift.reconciler.consume;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.events.BindingId;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BindingLanesTest {

    private static final BindingId A = BindingId.of("ns", "a");
    private static final BindingId B = BindingId.of("ns", "b");
    private static final BindingId C = BindingId.of("ns", "c");

    private final List<String> started = new ArrayList<>();
    private final Map<BindingId, List<Promise<Void>>> running = new HashMap<>();
    private final BindingLanes lanes = new BindingLanes(bulkhead(2), (id, trigger) -> {
        started.add(id.name() + ":" + trigger);
        Promise<Void> promise = Promise.promise();
        running.computeIfAbsent(id, k -> new ArrayList<>()).add(promise);
        return promise.future();
    });

    @Test
    void shouldHandleOneBindingOneAtATimeAndCoalesceNudgesWhileBusy() {
        List<String> done = new ArrayList<>();
        lanes.submit(A, Trigger.OBSERVATION, () -> done.add("1"));
        lanes.submit(A, Trigger.TIMER, () -> done.add("2"));
        lanes.submit(A, Trigger.OBSERVATION, () -> done.add("3"));

        assertThat(started).containsExactly("a:OBSERVATION");
        finish(A);
        assertThat(done).containsExactly("1");
        assertThat(started).containsExactly("a:OBSERVATION", "a:OBSERVATION");
        finish(A);
        assertThat(done).containsExactly("1", "2", "3");
        assertThat(lanes.busy()).isZero();
    }

    @Test
    void shouldBoundConcurrencyWhenManyBindingsWait() {
        lanes.submit(A, Trigger.OBSERVATION, () -> {});
        lanes.submit(B, Trigger.OBSERVATION, () -> {});
        lanes.submit(C, Trigger.OBSERVATION, () -> {});

        assertThat(started).containsExactly("a:OBSERVATION", "b:OBSERVATION");
        finish(B);
        assertThat(started).containsExactly("a:OBSERVATION", "b:OBSERVATION", "c:OBSERVATION");
    }

    @Test
    void shouldReleaseThePermitWhenAHandlingFails() {
        lanes.submit(A, Trigger.OBSERVATION, () -> {});
        lanes.submit(B, Trigger.OBSERVATION, () -> {});
        lanes.submit(C, Trigger.OBSERVATION, () -> {});

        running.get(A).get(0).fail("boom");

        assertThat(started).contains("c:OBSERVATION");
    }

    @Test
    void shouldAssessAnotherBindingWhenAHandlingHasAssessedAndKeepsRemediating() {
        Map<BindingId, Runnable> assessed = new HashMap<>();
        BindingLanes early = new BindingLanes(bulkhead(1), (id, trigger, onAssessed) -> {
            started.add(id.name() + ":" + trigger);
            assessed.put(id, onAssessed);
            Promise<Void> promise = Promise.promise();
            running.computeIfAbsent(id, k -> new ArrayList<>()).add(promise);
            return promise.future();
        });
        early.submit(A, Trigger.OBSERVATION, () -> {});
        early.submit(B, Trigger.OBSERVATION, () -> {});
        assertThat(started).containsExactly("a:OBSERVATION");

        assessed.get(A).run(); // A remediates (awaits) from here on
        assertThat(started).containsExactly("a:OBSERVATION", "b:OBSERVATION");

        // A's lane is still A's: a nudge waits for A's handling to end, the permit is not taken twice
        early.submit(A, Trigger.TIMER, () -> {});
        assessed.get(A).run();
        early.submit(C, Trigger.OBSERVATION, () -> {});
        assertThat(started).containsExactly("a:OBSERVATION", "b:OBSERVATION");
        finish(A);
        assertThat(started).containsExactly("a:OBSERVATION", "b:OBSERVATION");
        finish(B);
        assertThat(started).containsExactly("a:OBSERVATION", "b:OBSERVATION", "c:OBSERVATION");
    }

    @Test
    void shouldLetAnObservationOutrankATimerWhenTheyCoalesce() {
        assertThat(Trigger.TIMER.merge(Trigger.OBSERVATION)).isEqualTo(Trigger.OBSERVATION);
        assertThat(Trigger.OBSERVATION.merge(Trigger.TIMER)).isEqualTo(Trigger.OBSERVATION);
        assertThat(Trigger.TIMER.merge(null)).isEqualTo(Trigger.TIMER);
    }

    private void finish(BindingId id) {
        List<Promise<Void>> promises = running.get(id);
        Promise<Void> next = promises.stream()
                .filter(p -> !p.future().isComplete())
                .findFirst()
                .orElseThrow();
        next.complete();
    }

    private static Bulkhead bulkhead(int n) {
        return Bulkhead.of(
                "test",
                BulkheadConfig.custom()
                        .maxConcurrentCalls(n)
                        .maxWaitDuration(Duration.ZERO)
                        .build());
    }
}
