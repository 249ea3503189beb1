package dev.credrift.reconciler.it;

import static dev.credrift.events.payload.DriftClass.VAULT_STALE;
import static dev.credrift.reconciler.it.ItWorld.LOKI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.credrift.api.status.AuditChainHead;
import dev.credrift.api.status.ConditionType;
import dev.credrift.api.status.CredentialBindingStatus;
import dev.credrift.api.status.DriftClass;
import dev.credrift.api.status.RemediationOutcome;
import dev.credrift.events.Topic;
import dev.credrift.events.audit.AuditReport;
import dev.credrift.events.audit.AuditVerifier;
import dev.credrift.events.audit.ChainAnchor;
import dev.credrift.events.credential.Credential;
import dev.credrift.events.credential.Fingerprint;
import dev.credrift.events.payload.AuditRecord;
import dev.credrift.events.payload.BackInSync;
import dev.credrift.events.payload.DriftDetected;
import dev.credrift.events.payload.RemediationPlanned;
import dev.credrift.events.payload.RemediationStarted;
import dev.credrift.events.payload.RemediationStepFinished;
import dev.credrift.events.payload.RemediationSucceeded;
import dev.credrift.events.payload.StepKind;
import dev.credrift.reconciler.Reconciler;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Story 1, end to end: RGW regenerates Loki's keys, Rook writes them to its secret, 1Password keeps the old ones.
 * The reconciler writes the new keys into 1Password, force-syncs the ExternalSecret, waits for the replica, restarts
 * the Loki StatefulSet once and waits until it is ready with the new keys.
 */
class Story1IT extends OnItWorld {

    @Test
    void shouldHealTheChainWhenRgwRotatesLokisKeys() {
        Credential old = world.story1(spec -> spec);
        Reconciler reconciler = world.deployInSync(LOKI);

        // RGW regenerates the user's keys; Rook writes them to its secret; nobody tells 1Password
        Credential rotated = world.rotateAndHeal(reconciler);
        Fingerprint expected = ItWorld.FINGERPRINTER.fingerprint(rotated);

        // 1Password holds the new keys, the ExternalSecret was annotated, the replica matches
        assertThat(world.onePassword
                        .readField(ItWorld.VAULT, ItWorld.ITEM, "access_key")
                        .reveal())
                .isEqualTo(rotated.accessKeyId());
        assertThat(world.onePassword.readField(ItWorld.VAULT, ItWorld.ITEM, "secret_key"))
                .isEqualTo(rotated.secret());
        assertThat(world.esAnnotations(ItWorld.ES)).containsKey("force-sync");
        Secret replica = world.client
                .secrets()
                .inNamespace(ItWorld.NS)
                .withName(ItWorld.ES)
                .get();
        assertThat(decode(replica, "AWS_ACCESS_KEY_ID")).isEqualTo(rotated.accessKeyId());
        assertThat(decode(replica, "AWS_ACCESS_KEY_ID")).isNotEqualTo(old.accessKeyId());

        // the StatefulSet was restarted exactly once
        assertThat(world.rollouts("loki")).isEqualTo(1);

        // status: in sync, fingerprints per hop, last remediation succeeded, stamped with the generation
        CredentialBindingStatus status = world.status(LOKI);
        assertThat(status.condition(ConditionType.IN_SYNC)).hasValueSatisfying(c -> {
            assertThat(c.isTrue()).isTrue();
            assertThat(c.observedGeneration()).isEqualTo(1L);
        });
        assertThat(status.condition(ConditionType.REMEDIATING))
                .hasValueSatisfying(c -> assertThat(c.isFalse()).isTrue());
        assertThat(status.condition(ConditionType.HALTED))
                .hasValueSatisfying(c -> assertThat(c.isFalse()).isTrue());
        assertThat(status.condition(ConditionType.VALID))
                .hasValueSatisfying(c -> assertThat(c.isTrue()).isTrue());
        assertThat(status.driftClass()).isEqualTo(DriftClass.IN_SYNC);
        assertThat(status.fingerprints().source()).isEqualTo(expected.value());
        assertThat(status.fingerprints().vault()).isEqualTo(expected.value());
        assertThat(status.fingerprints().replica()).isEqualTo(expected.value());
        assertThat(status.fingerprints().consumers()).isEqualTo(expected.value());
        assertThat(status.lastRemediation().outcome()).isEqualTo(RemediationOutcome.SUCCEEDED);

        // outcomes: drift, plan, start, one outcome per step, success, back in sync
        List<DriftDetected> drifts = world.outcomes(DriftDetected.class);
        assertThat(drifts).extracting(DriftDetected::driftClass).containsExactly(VAULT_STALE);
        RemediationPlanned plan = world.outcomes(RemediationPlanned.class).get(0);
        assertThat(plan.dryRun()).isFalse();
        assertThat(plan.steps())
                .extracting(s -> s.kind())
                .containsExactly(
                        StepKind.PROBE_STORE,
                        StepKind.WRITE_VAULT,
                        StepKind.FORCE_SYNC,
                        StepKind.AWAIT_REPLICA,
                        StepKind.ROLL_OUT,
                        StepKind.AWAIT_READY);
        assertThat(world.outcomes(RemediationStarted.class)).hasSize(1);
        List<RemediationStepFinished> steps = world.outcomes(RemediationStepFinished.class);
        assertThat(steps).extracting(RemediationStepFinished::stepIndex).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(steps).allSatisfy(s -> {
            assertThat(s.result()).isEqualTo(RemediationStepFinished.Result.DONE);
            assertThat(s.remediationId()).isEqualTo(plan.remediationId());
        });
        RemediationSucceeded succeeded =
                world.outcomes(RemediationSucceeded.class).get(0);
        assertThat(succeeded.fingerprint()).isEqualTo(expected);
        assertThat(world.outcomes(BackInSync.class))
                .singleElement()
                .satisfies(b -> assertThat(b.remediationId()).isEqualTo(plan.remediationId()));

        // every outcome event carries the binding's labels, for the notifier's label routes
        assertThat(world.events(Topic.OUTCOMES))
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.bindingLabels()).isEqualTo(ItWorld.LABELS));

        // the audit chain verifies, and every action of the remediation carries its correlation id
        List<AuditRecord> audit = world.audit();
        // sealed with the audit key, and it reaches the chain head the status publishes
        AuditChainHead head = status.auditHead();
        assertThat(head.keyId())
                .isEqualTo(ItWorld.AUDIT_KEYS.current().orElseThrow().id());
        AuditReport report = AuditVerifier.fromGenesis(ItWorld.AUDIT_KEYS)
                .verify(audit, Map.of(LOKI, new ChainAnchor(head.sequence(), head.hash())));
        assertThat(report.intact()).as("audit findings %s", report.findings()).isTrue();
        assertThat(report.unkeyed()).isEmpty();
        assertThat(AuditVerifier.fromGenesis().verify(audit).findings())
                .as("without the key nothing verifies")
                .isNotEmpty();
        assertThat(audit)
                .filteredOn(r -> plan.remediationId().equals(r.correlationId()))
                .extracting(AuditRecord::action)
                .contains(
                        "REMEDIATION_STARTED", "STEP_WRITE_VAULT_DONE", "STEP_ROLL_OUT_DONE", "REMEDIATION_SUCCEEDED");
        assertThat(audit)
                .filteredOn(r -> r.action().equals("STEP_WRITE_VAULT_DONE"))
                .singleElement()
                .satisfies(r -> assertThat(r.after()).isEqualTo(expected));

        // Kubernetes Events on the binding
        assertThat(world.kubeEvents())
                .extracting(e -> e.getReason())
                .contains("VaultStale", "RemediationStarted", "RemediationSucceeded");

        // the Connect client stayed within the spec, and wrote once
        assertThat(world.onePassword.specViolations()).isEmpty();
        assertThat(world.onePassword.requests("PATCH")).hasSize(1);

        // metrics
        assertThat(world.registry
                        .get("credrift.reconciler.remediations")
                        .tag("outcome", "succeeded")
                        .counter()
                        .count())
                .isEqualTo(1.0);
        assertThat(world.registry
                        .get("credrift.reconciler.drifts")
                        .tag("class", "VAULT_STALE")
                        .counter()
                        .count())
                .isEqualTo(1.0);
        // every step kind × result exists from the start: pick the one that happened
        assertThat(world.registry
                        .get("credrift.reconciler.step.duration")
                        .tag("step", "ROLL_OUT")
                        .tag("result", "done")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(world.registry
                        .get("credrift.reconciler.binding.state")
                        .tag("binding_name", ItWorld.BINDING)
                        .gauge()
                        .getId()
                        .getTag("state"))
                .isEqualTo("IN_SYNC");
    }

    @Test
    void shouldDoNothingMoreWhenNudgedAgainAfterHealing() {
        world.story1(spec -> spec);
        Reconciler reconciler = world.deploy();
        Credential rotated = world.rotate(ItWorld.USER);
        world.rookSecret(rotated);
        world.nudge(LOKI);
        await().atMost(60, TimeUnit.SECONDS)
                .until(() -> !world.outcomes(RemediationSucceeded.class).isEmpty());
        world.awaitIdle(reconciler);
        int outcomes = world.events(Topic.OUTCOMES).size();

        world.nudge(LOKI);
        world.nudge(LOKI);
        world.awaitIdle(reconciler);
        await().during(Duration.ofSeconds(1))
                .atMost(5, TimeUnit.SECONDS)
                .until(() -> world.events(Topic.OUTCOMES).size() == outcomes);

        assertThat(world.rollouts("loki")).isEqualTo(1);
        assertThat(world.onePassword.requests("PATCH")).hasSize(1);
    }

    private static String decode(Secret secret, String key) {
        return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }
}
