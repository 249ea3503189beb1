package dev.credrift.reconciler.it;

import static dev.credrift.reconciler.it.ItWorld.LOKI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.credrift.api.status.ConditionType;
import dev.credrift.events.audit.AuditReport;
import dev.credrift.events.audit.AuditVerifier;
import dev.credrift.events.credential.Credential;
import dev.credrift.events.payload.RemediationStarted;
import dev.credrift.events.payload.RemediationStepFinished;
import dev.credrift.events.payload.RemediationSucceeded;
import dev.credrift.reconciler.Reconciler;
import dev.credrift.reconciler.StepHook;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invariant 4: a crash at any step boundary — after a step acted but before anything recorded it, or after its
 * completion was journaled — and a restart lead to the same end state, with exactly one rollout of the workload.
 * The crash freezes the first reconciler at the hook and stops it; a second one (same group) takes over.
 */
class CrashResumeIT extends OnItWorld {

    static Stream<Arguments> boundaries() {
        return IntStream.range(0, 6)
                .boxed()
                .flatMap(step -> Stream.of(
                        Arguments.of(step, StepHook.Point.AFTER_ACTION),
                        Arguments.of(step, StepHook.Point.AFTER_JOURNAL)));
    }

    @ParameterizedTest(name = "crash at step {0}, {1}")
    @MethodSource("boundaries")
    void shouldReachTheSameEndStateWithOneRolloutWhenCrashingAtAStepBoundary(int step, StepHook.Point point) {
        world.story1(spec -> spec);
        Credential rotated = world.rotate(ItWorld.USER);
        world.rookSecret(rotated);
        CompletableFuture<Void> crashed = new CompletableFuture<>();
        StepHook crash = (at, binding, index, kind) -> {
            if (at == point && index == step) {
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
                .until(() -> !world.outcomes(RemediationSucceeded.class).isEmpty());
        world.awaitIdle(second);

        // the same end state as without a crash
        assertThat(world.onePassword
                        .readField(ItWorld.VAULT, ItWorld.ITEM, "access_key")
                        .reveal())
                .isEqualTo(rotated.accessKeyId());
        assertThat(new String(
                        Base64.getDecoder()
                                .decode(world.client
                                        .secrets()
                                        .inNamespace(ItWorld.NS)
                                        .withName(ItWorld.ES)
                                        .get()
                                        .getData()
                                        .get("AWS_ACCESS_KEY_ID")),
                        StandardCharsets.UTF_8))
                .isEqualTo(rotated.accessKeyId());
        assertThat(world.status(LOKI).condition(ConditionType.IN_SYNC))
                .hasValueSatisfying(c -> assertThat(c.isTrue()).isTrue());
        // exactly one rollout of the workload, one remediation resumed (not a second one)
        assertThat(world.rollouts("loki")).isEqualTo(1);
        List<RemediationStarted> starts = world.outcomes(RemediationStarted.class);
        assertThat(starts)
                .extracting(RemediationStarted::remediationId)
                .containsOnly(starts.get(0).remediationId());
        assertThat(starts).anySatisfy(s -> assertThat(s.resumed()).isTrue());
        assertThat(world.outcomes(RemediationSucceeded.class))
                .singleElement()
                .satisfies(s ->
                        assertThat(s.remediationId()).isEqualTo(starts.get(0).remediationId()));
        // every step reported, none of them twice as done
        List<RemediationStepFinished> steps = world.outcomes(RemediationStepFinished.class);
        assertThat(steps).extracting(RemediationStepFinished::stepIndex).containsAll(List.of(0, 1, 2, 3, 4, 5));
        assertThat(steps)
                .filteredOn(s -> s.result() == RemediationStepFinished.Result.DONE)
                .extracting(RemediationStepFinished::stepIndex)
                .doesNotHaveDuplicates();
        // the audit chain continues across the crash
        AuditReport report = AuditVerifier.fromGenesis(ItWorld.AUDIT_KEYS).verify(world.audit());
        assertThat(report.intact()).as("audit findings %s", report.findings()).isTrue();
    }
}
