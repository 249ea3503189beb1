package dev.credrift.watcher.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.api.status.Condition;
import dev.credrift.api.status.ConditionType;
import dev.credrift.api.status.CredentialBindingStatus;
import dev.credrift.api.validation.ValidationResult;
import dev.credrift.sandbox.kube.MockKubernetes;
import dev.credrift.watcher.fixtures.Fixtures;
import dev.credrift.watcher.fixtures.KubeWorld;
import dev.credrift.watcher.resource.BindingRead;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The watcher's {@code Valid} condition never replaces status fields it does not own (issue 12/13 follow-up): the
 * reconciler's first report, landing between the watcher's read of a binding without status and its patch, survives.
 * Against the sandbox's Kubernetes stand-in (the fabric8 mock server with the CRD and its status subresource).
 */
class ValidConditionWriterIT {

    private static final String NS = "monitoring";
    private static final BindingRead VALID_SPEC = new BindingRead.Readable(null, new ValidationResult(List.of()));
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T19:00:00Z"), ZoneOffset.UTC);

    private MockKubernetes kube;
    private KubeWorld world;
    private ValidConditionWriter writer;
    private final KubernetesSerialization json = new KubernetesSerialization();

    @BeforeEach
    void startKube() {
        kube = MockKubernetes.start();
        world = new KubeWorld(kube.client(), "v1");
        writer = new ValidConditionWriter(kube.client(), CLOCK);
    }

    @AfterEach
    void stopKube() {
        kube.close();
    }

    @Test
    void shouldKeepTheReconcilersFirstReportWhenItLandsBetweenTheReadAndThePatch() {
        world.binding(Fixtures.binding(NS, "loki-s3", "loki", "loki-s3-credentials"));
        GenericKubernetesResource beforeReport = world.readBinding(NS, "loki-s3");
        assertThat(beforeReport.getAdditionalProperties()).doesNotContainKey("status");
        Condition valid = writer.desired(beforeReport, VALID_SPEC);

        reconcilerReports();
        try {
            writer.patch(beforeReport, valid); // the patch built from the read before the report
        } catch (KubernetesClientException e) {
            // refused as a conflict: write() reads again and patches the status now there
            assertThat(e.getCode()).isEqualTo(409);
        }

        assertThat(status().driftClass()).as("the reconciler's report").isNotNull();
        assertThat(status().condition(ConditionType.IN_SYNC)).isPresent();
        writer.write(beforeReport, valid);
        CredentialBindingStatus after = status();
        assertThat(after.driftClass()).isNotNull();
        assertThat(after.observedGeneration()).isEqualTo(1L);
        assertThat(after.condition(ConditionType.IN_SYNC)).isPresent();
        assertThat(after.condition(ConditionType.VALID))
                .hasValueSatisfying(c -> assertThat(c.isTrue()).isTrue());
        assertThat(after.conditions())
                .filteredOn(c -> c.type() == ConditionType.VALID)
                .hasSize(1);
    }

    @Test
    void shouldWriteValidWhenTheBindingHasNoStatusYet() {
        world.binding(Fixtures.binding(NS, "tempo-s3", "tempo", "tempo-s3-credentials"));
        GenericKubernetesResource read = world.readBinding(NS, "tempo-s3");
        Condition valid = writer.desired(read, VALID_SPEC);

        writer.write(read, valid);

        GenericKubernetesResource after = world.readBinding(NS, "tempo-s3");
        assertThat(writer.carries(after, valid)).isTrue();
    }

    // what the reconciler's first status report writes: observedGeneration, driftClass, its own conditions
    private void reconcilerReports() {
        Map<String, Object> report = Map.of(
                "observedGeneration",
                1,
                "driftClass",
                "IN_SYNC",
                "conditions",
                List.of(Map.of(
                        "type",
                        "InSync",
                        "status",
                        "True",
                        "reason",
                        "InSync",
                        "message",
                        "",
                        "lastTransitionTime",
                        "2026-12-07T19:00:00Z",
                        "observedGeneration",
                        1)));
        kube.client()
                .genericKubernetesResources(KubeWorld.BINDINGS)
                .inNamespace(NS)
                .withName("loki-s3")
                .subresource("status")
                .patch(PatchContext.of(PatchType.JSON_MERGE), json.asJson(Map.of("status", report)));
    }

    private CredentialBindingStatus status() {
        Object status =
                world.readBinding(NS, "loki-s3").getAdditionalProperties().get("status");
        return status == null
                ? CredentialBindingStatus.EMPTY
                : json.convertValue(status, CredentialBindingStatus.class);
    }
}
