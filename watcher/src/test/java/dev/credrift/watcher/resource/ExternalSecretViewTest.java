package dev.credrift.watcher.resource;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.events.payload.ExternalSecretObserved.ConditionStatus;
import dev.credrift.events.payload.ExternalSecretObserved.RefreshPolicy;
import dev.credrift.events.payload.Problem;
import dev.credrift.events.payload.ProblemCode;
import dev.credrift.watcher.fixtures.Fixtures;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExternalSecretViewTest {

    @Test
    void shouldReadTargetRefreshSettingsAndReadyWhenTheExternalSecretIsWellFormed() {
        ExternalSecretView view = ExternalSecretView.of(Fixtures.externalSecret(
                "external-secrets.io/v1", "monitoring", "loki-s3-credentials", "loki-s3-credentials"));

        assertThat(view.targetSecret()).contains("loki-s3-credentials");
        assertThat(view.refreshInterval()).isEqualTo("1h");
        assertThat(view.refreshPolicy()).isEqualTo(RefreshPolicy.PERIODIC);
        assertThat(view.ready()).isEqualTo(ConditionStatus.TRUE);
        assertThat(view.readyReason()).isEqualTo("SecretSynced");
        assertThat(view.refreshTime()).isEqualTo(Instant.parse("2026-11-22T06:00:00Z"));
        assertThat(view.syncedResourceVersion()).isEqualTo("1-abc");
        assertThat(view.keyByRemoteProperty()).containsEntry("access_key", "AWS_ACCESS_KEY_ID");
        assertThat(view.targetUnlabelled()).isFalse();
        assertThat(view.problems()).isEmpty();
    }

    @Test
    void shouldTargetASecretNamedLikeItselfWhenTheTargetNamesNone() {
        ExternalSecretView view = ExternalSecretView.of(es(Map.of("refreshInterval", "0"), null));

        assertThat(view.targetSecret()).contains("es");
        assertThat(view.ready()).isEqualTo(ConditionStatus.UNKNOWN);
        assertThat(view.refreshInterval()).isEqualTo("0");
        assertThat(view.problems()).isEmpty();
    }

    @Test
    void shouldReportNoTargetWhenTheTargetNameIsNotASecretName() {
        ExternalSecretView view = ExternalSecretView.of(es(Map.of("target", Map.of("name", "")), null));

        assertThat(view.targetSecret()).isEmpty();
        assertThat(view.problems())
                .extracting(Problem::code, Problem::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ProblemCode.NO_TARGET, "spec.target.name"));
    }

    @Test
    void shouldReportEveryMalformedFieldWithoutItsValueWhenTheObjectIsGarbage() {
        Map<String, Object> spec = Map.of(
                "refreshInterval",
                "every-hour-PLANTED",
                "refreshPolicy",
                "Sometimes",
                "target",
                Map.of("name", "Bad_Name", "creationPolicy", "Merge"));
        Map<String, Object> status = Map.of(
                "refreshTime",
                "PLANTED-time",
                "syncedResourceVersion",
                "has space",
                "conditions",
                List.of(Map.of("type", "Ready", "status", "Maybe", "reason", "two words")));

        ExternalSecretView view = ExternalSecretView.of(es(spec, status));

        assertThat(view.problems())
                .extracting(Problem::field)
                .containsExactlyInAnyOrder(
                        "spec.target.name",
                        "spec.refreshInterval",
                        "spec.refreshPolicy",
                        "status.conditions[Ready].status",
                        "status.conditions[Ready].reason",
                        "status.refreshTime",
                        "status.syncedResourceVersion");
        assertThat(view.problems()).extracting(Problem::message).noneMatch(m -> m.contains("PLANTED"));
        assertThat(view.refreshInterval()).isNull();
        assertThat(view.targetUnlabelled()).isTrue();
    }

    @Test
    void shouldReportAnUnreadableSpecWhenSpecIsNotAnObject() {
        GenericKubernetesResource es = new GenericKubernetesResourceBuilder()
                .withNewMetadata()
                .withNamespace("m")
                .withName("es")
                .endMetadata()
                .addToAdditionalProperties("spec", "nonsense")
                .build();

        ExternalSecretView view = ExternalSecretView.of(es);

        assertThat(view.problems()).extracting(Problem::code).containsExactly(ProblemCode.INVALID_VALUE);
        assertThat(view.targetSecret()).contains("es");
    }

    private static GenericKubernetesResource es(Map<String, Object> spec, Map<String, Object> status) {
        GenericKubernetesResourceBuilder builder = new GenericKubernetesResourceBuilder()
                .withApiVersion("external-secrets.io/v1")
                .withKind("ExternalSecret")
                .withNewMetadata()
                .withNamespace("monitoring")
                .withName("es")
                .endMetadata()
                .addToAdditionalProperties("spec", spec);
        if (status != null) {
            builder.addToAdditionalProperties("status", status);
        }
        return builder.build();
    }
}
