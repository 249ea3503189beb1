package dev.credrift.reconciler.it;

import static dev.credrift.reconciler.it.ItWorld.LOKI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.credrift.api.spec.Mode;
import dev.credrift.api.status.ConditionType;
import dev.credrift.api.status.RemediationOutcome;
import dev.credrift.events.credential.Credential;
import dev.credrift.events.payload.DriftClass;
import dev.credrift.events.payload.DriftDetected;
import dev.credrift.events.payload.RemediationPlanned;
import dev.credrift.events.payload.RemediationStarted;
import dev.credrift.events.payload.StepKind;
import dev.credrift.reconciler.Reconciler;
import dev.credrift.sandbox.onepassword.RecordedRequest;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Invariant 6: {@code mode: Observe} publishes the plan as a dry run and changes nothing. */
class ObserveModeIT extends OnItWorld {

    @Test
    void shouldPublishADryRunAndChangeNothingWhenObserving() {
        Credential old = world.story1(spec -> spec.mode(Mode.OBSERVE));
        Credential rotated = world.rotate(ItWorld.USER);
        world.rookSecret(rotated);
        ApiRequests.drain(world.kube);
        world.onePassword.clearRequests();
        Reconciler reconciler = world.deploy();

        world.nudge(LOKI);
        await().atMost(60, TimeUnit.SECONDS)
                .until(() -> !world.outcomes(RemediationPlanned.class).isEmpty());
        world.nudge(LOKI);
        world.awaitIdle(reconciler);

        assertThat(world.outcomes(DriftDetected.class))
                .extracting(DriftDetected::driftClass)
                .containsExactly(DriftClass.VAULT_STALE);
        assertThat(world.outcomes(RemediationPlanned.class)).singleElement().satisfies(plan -> {
            assertThat(plan.dryRun()).isTrue();
            assertThat(plan.steps())
                    .extracting(s -> s.kind())
                    .containsExactly(
                            StepKind.PROBE_STORE,
                            StepKind.WRITE_VAULT,
                            StepKind.FORCE_SYNC,
                            StepKind.AWAIT_REPLICA,
                            StepKind.ROLL_OUT,
                            StepKind.AWAIT_READY);
        });
        assertThat(world.outcomes(RemediationStarted.class)).isEmpty();

        // the API server saw only status and Event writes; 1Password only reads; nothing rolled or synced
        assertThat(ApiRequests.writes(ApiRequests.drain(world.kube)))
                .isNotEmpty()
                .allSatisfy(w -> assertThat(w)
                        .matches("(PATCH .*/credentialbindings/loki-s3/status.*|POST /apis/events\\.k8s\\.io/.*)"));
        assertThat(world.onePassword.requests()).isNotEmpty().noneMatch(RecordedRequest::isWrite);
        assertThat(world.onePassword
                        .readField(ItWorld.VAULT, ItWorld.ITEM, "access_key")
                        .reveal())
                .isEqualTo(old.accessKeyId());
        assertThat(world.esAnnotations(ItWorld.ES)).doesNotContainKey("force-sync");
        assertThat(world.totalRollouts()).isZero();
        assertThat(world.esoSyncs()).isZero();

        assertThat(world.status(LOKI).condition(ConditionType.IN_SYNC))
                .hasValueSatisfying(c -> assertThat(c.reason()).isEqualTo("VaultStale"));
        assertThat(world.status(LOKI).lastRemediation().outcome()).isEqualTo(RemediationOutcome.PLANNED);
    }
}
