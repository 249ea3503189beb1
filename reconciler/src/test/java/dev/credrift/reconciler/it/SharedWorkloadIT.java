package dev.credrift.reconciler.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.reconciler.ReconcilerConfig;
import dev.credrift.sandbox.kafka.KafkaBroker;
import dev.credrift.sandbox.kafka.KafkaBrokerExtension;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * architecture.md §5.1 for a workload two bindings' replicas are read by (issue 12's soak seeds 3920338345215928504,
 * 6876176604694834567, -5612759827929465701 and -4719233005068124295, which run longer than CI's soak budget): the
 * moving world of {@link MovingWorldSoakIT} with fixed moves, checked against the same invariants.
 */
@ExtendWith(KafkaBrokerExtension.class)
class SharedWorkloadIT {

    @Test
    void shouldNeitherRollNorHaltOnTheSharedWorkloadWhenTheOtherBindingsUserIsSuspended(KafkaBroker kafka)
            throws Exception {
        // b-0's user is suspended for good, then b-1's user rotates: b-1 heals its own Deployment; rolling the shared
        // one would roll out b-0's refused key (invariant 1), and its pods fail on that key, not b-1's (invariant 2)
        History history = new History(
                1,
                List.of("u0", "u1"),
                List.of(0, 1),
                true,
                4,
                ReconcilerConfig.Limits.defaults(),
                List.of(
                        new History.Timed(Duration.ofMillis(1_000), Optional.empty(), new History.Suspend("u0")),
                        new History.Timed(Duration.ofMillis(1_500), Optional.empty(), new History.Rotate("u1"))));
        AtomicLong sharedRollouts = new AtomicLong(-1);
        AtomicLong ownRollouts = new AtomicLong(-1);

        List<MovingWorldChecks.Violation> violations = MovingWorldSoakIT.play(history, kafka, moving -> {
            sharedRollouts.set(moving.writes.rolloutsOf("shared"));
            ownRollouts.set(moving.writes.rolloutsOf("app-1"));
        });

        assertThat(violations).isEmpty();
        assertThat(ownRollouts).hasValue(1);
        assertThat(sharedRollouts)
                .as("rollouts of Deployment shared while es-0 holds a suspended user's key")
                .hasValue(0);
    }

    @Test
    void shouldRollTheSharedWorkloadOnceWhenOneRotationReachesBothItsBindings(KafkaBroker kafka) throws Exception {
        // both bindings draw from u0: one new credential, so one rollout of the Deployment both replicas are read by
        History history = new History(
                2,
                List.of("u0"),
                List.of(0, 0),
                true,
                4,
                ReconcilerConfig.Limits.defaults(),
                List.of(new History.Timed(Duration.ofMillis(1_000), Optional.empty(), new History.Rotate("u0"))));
        AtomicLong sharedRollouts = new AtomicLong(-1);

        List<MovingWorldChecks.Violation> violations = MovingWorldSoakIT.play(
                history, kafka, moving -> sharedRollouts.set(moving.writes.rolloutsOf("shared")));

        assertThat(violations).isEmpty();
        assertThat(sharedRollouts).hasValue(1);
    }
}
