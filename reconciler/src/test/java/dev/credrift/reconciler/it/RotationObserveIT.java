package dev.credrift.reconciler.it;

import static dev.credrift.reconciler.it.ItWorld.LOKI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.credrift.api.CredentialBinding;
import dev.credrift.api.status.ConditionStatus;
import dev.credrift.api.status.ConditionType;
import dev.credrift.api.status.CredentialBindingStatus;
import dev.credrift.api.status.RotationPhase;
import dev.credrift.events.credential.Credential;
import dev.credrift.events.payload.AuditRecord;
import dev.credrift.events.payload.RotationStarted;
import dev.credrift.reconciler.Reconciler;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 through the real handler (real Kafka, the mock API server): {@code spec.rotation} reaches status
 * ({@code status.rotation}, the {@code Rotating} condition), a {@code credrift.dev/rotate-now} token is acted on once,
 * and {@code mode: Observe} publishes the plan ({@code rotation.started}, dry run) without changing anything.
 *
 * <p>Lives in this package, not in its own: {@link ItWorld} is package-private and may not be edited here.
 */
class RotationObserveIT extends OnItWorld {

    @Test
    void shouldPublishTheRotationPlanOnceWhenARotateNowTokenArrivesInObserveMode() {
        Credential key = world.story1(spec -> spec);
        RookSpecKeysUser.create(world, Optional.empty());
        rotation("{\"every\":\"720h\",\"mode\":\"Observe\","
                + "\"adminSecretRef\":{\"name\":\"rgw-admin\",\"namespace\":\"rook-ceph\"}}");
        Instant before = Instant.now();
        Reconciler reconciler = world.deploy();

        world.nudge(LOKI);
        await().atMost(60, TimeUnit.SECONDS).until(() -> world.status(LOKI).rotation() != null);
        CredentialBindingStatus scheduled = world.status(LOKI);
        // first sight of the key: the schedule counts from now
        assertThat(scheduled.rotation().nextDue())
                .isBetween(
                        before.plus(Duration.ofHours(720)).minusSeconds(1),
                        Instant.now().plus(Duration.ofHours(720)));
        assertThat(scheduled.rotation().phase()).isNull();
        assertThat(scheduled.condition(ConditionType.ROTATING)).hasValueSatisfying(c -> {
            assertThat(c.status()).isEqualTo(ConditionStatus.FALSE);
            assertThat(c.reason()).isEqualTo("NotDue");
        });
        assertThat(world.outcomes(RotationStarted.class)).isEmpty();

        annotate("tok-1");
        world.nudge(LOKI);
        await().atMost(60, TimeUnit.SECONDS)
                .until(() -> !world.outcomes(RotationStarted.class).isEmpty());
        await().atMost(60, TimeUnit.SECONDS)
                .until(() -> world.status(LOKI).rotation().phase() == RotationPhase.OBSERVED);
        world.nudge(LOKI);
        world.nudge(LOKI);
        world.awaitIdle(reconciler);

        assertThat(world.outcomes(RotationStarted.class)).singleElement().satisfies(started -> {
            assertThat(started.dryRun()).isTrue();
            assertThat(started.trigger()).isEqualTo(RotationStarted.Trigger.ON_DEMAND);
            assertThat(started.oldKey().value()).doesNotContain(key.accessKeyId());
        });
        assertThat(world.audit()).extracting(AuditRecord::action).containsOnlyOnce("ROTATION_PLANNED_DRY_RUN");
        CredentialBindingStatus observed = world.status(LOKI);
        assertThat(observed.rotation().lastRequest()).isEqualTo("tok-1");
        assertThat(observed.rotation().message()).startsWith("mode Observe:");
        assertThat(observed.condition(ConditionType.ROTATING)).hasValueSatisfying(c -> {
            assertThat(c.status()).isEqualTo(ConditionStatus.FALSE);
            assertThat(c.reason()).isEqualTo("Observed");
        });
        // nothing was minted, written or rolled; no key material in status
        assertThat(world.totalRollouts()).isZero();
        assertThat(observed.toString())
                .doesNotContain(key.accessKeyId())
                .doesNotContain(key.secret().reveal());
    }

    private void rotation(String json) {
        world.client
                .resources(CredentialBinding.class)
                .inNamespace(LOKI.namespace())
                .withName(LOKI.name())
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"rotation\":" + json + "}}");
    }

    private void annotate(String token) {
        world.client
                .resources(CredentialBinding.class)
                .inNamespace(LOKI.namespace())
                .withName(LOKI.name())
                .patch(
                        PatchContext.of(PatchType.JSON_MERGE),
                        "{\"metadata\":{\"annotations\":{\"credrift.dev/rotate-now\":\"" + token + "\"}}}");
    }
}
