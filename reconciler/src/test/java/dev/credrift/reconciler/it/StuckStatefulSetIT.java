package dev.credrift.reconciler.it;

import static dev.credrift.reconciler.it.ItWorld.LOKI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.credrift.api.status.ConditionType;
import dev.credrift.events.credential.Credential;
import dev.credrift.events.payload.RemediationHalted;
import dev.credrift.events.payload.RemediationStarted;
import dev.credrift.events.payload.RemediationStepFinished;
import dev.credrift.events.payload.RemediationSucceeded;
import dev.credrift.events.payload.StepKind;
import dev.credrift.reconciler.Reconciler;
import dev.credrift.reconciler.StepHook;
import io.fabric8.kubernetes.api.model.Pod;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Story 1 as it happens on a real cluster: the stale key makes Loki's pods unready, and a StatefulSet under {@code
 * podManagementPolicy: OrderedReady} does not roll while a pod is unready, so the {@code restartedAt} patch alone
 * never replaces them. The reconciler deletes the stuck pods so the controller recreates them from the rolled
 * template: healed with exactly one rollout, also across a crash.
 */
class StuckStatefulSetIT extends OnItWorld {

    private static final String RESTARTED_AT = "kubectl.kubernetes.io/restartedAt";

    @Test
    void shouldHealByDeletingStuckPodsWhenAnOrderedReadyStatefulSetIsUnready() {
        Credential rotated = stuckStory1();
        Reconciler reconciler = world.deploy();
        world.nudge(LOKI);

        await().atMost(60, TimeUnit.SECONDS)
                .until(() -> !world.outcomes(RemediationSucceeded.class).isEmpty()
                        || !world.outcomes(RemediationHalted.class).isEmpty());
        world.awaitIdle(reconciler);

        assertThat(world.outcomes(RemediationHalted.class)).isEmpty();
        assertThat(world.workloads.rolloutRefused(ItWorld.set("loki"))).isTrue();
        assertHealedWithOneRollout(rotated);
        assertThat(world.outcomes(RemediationStepFinished.class))
                .filteredOn(s -> s.kind() == StepKind.AWAIT_READY)
                .singleElement()
                .satisfies(s -> assertThat(s.result()).isEqualTo(RemediationStepFinished.Result.DONE));
    }

    @Test
    void shouldDeleteStuckPodsOnceWhenCrashingAfterTheRolloutWasJournaled() {
        Credential rotated = stuckStory1();
        CompletableFuture<Void> crashed = new CompletableFuture<>();
        StepHook crash = (at, binding, index, kind) -> {
            if (at == StepHook.Point.AFTER_JOURNAL && kind == StepKind.ROLL_OUT) {
                crashed.complete(null);
                return Promise.<Void>promise().future(); // frozen here, as by a crash
            }
            return Future.succeededFuture();
        };
        Reconciler first = world.deploy(crash);
        world.nudge(LOKI);
        await().atMost(60, TimeUnit.SECONDS).until(crashed::isDone);
        world.stop(first);
        Reconciler second = world.deploy();

        await().atMost(90, TimeUnit.SECONDS)
                .until(() -> !world.outcomes(RemediationSucceeded.class).isEmpty()
                        || !world.outcomes(RemediationHalted.class).isEmpty());
        world.awaitIdle(second);

        assertThat(world.outcomes(RemediationHalted.class)).isEmpty();
        assertHealedWithOneRollout(rotated);
        List<RemediationStarted> starts = world.outcomes(RemediationStarted.class);
        assertThat(starts)
                .extracting(RemediationStarted::remediationId)
                .containsOnly(starts.get(0).remediationId());
    }

    /** Story 1 with the Loki pod unready (the stale key) under an OrderedReady controller. */
    private Credential stuckStory1() {
        world.story1(spec -> spec, false, "OrderedReady");
        Credential rotated = world.rotate(ItWorld.USER);
        world.rookSecret(rotated);
        return rotated;
    }

    private void assertHealedWithOneRollout(Credential rotated) {
        assertThat(world.onePassword
                        .readField(ItWorld.VAULT, ItWorld.ITEM, "access_key")
                        .reveal())
                .isEqualTo(rotated.accessKeyId());
        assertThat(world.status(LOKI).condition(ConditionType.IN_SYNC))
                .hasValueSatisfying(c -> assertThat(c.isTrue()).isTrue());
        assertThat(world.rollouts("loki")).isEqualTo(1);
        Pod now = world.client.pods().inNamespace(ItWorld.NS).withName("loki-0").get();
        String restartedAt = world.client
                .apps()
                .statefulSets()
                .inNamespace(ItWorld.NS)
                .withName("loki")
                .get()
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getAnnotations()
                .get(RESTARTED_AT);
        assertThat(now.getMetadata().getAnnotations()).containsEntry(RESTARTED_AT, restartedAt);
        assertThat(world.outcomes(RemediationSucceeded.class)).hasSize(1);
    }
}
