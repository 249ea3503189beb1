package dev.credrift.watcher.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.api.status.Condition;
import dev.credrift.api.status.ConditionType;
import dev.credrift.api.status.Conditions;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The patch the watcher builds for its {@code Valid} condition touches {@code status.conditions} only. */
class ValidConditionPatchTest {

    private static final Conditions CONDITIONS =
            new Conditions(Clock.fixed(Instant.parse("2026-12-07T19:00:00Z"), ZoneOffset.UTC));

    @Test
    void shouldMergeOnlyTheConditionsGuardedByTheReadsVersionWhenTheBindingHadNoStatus() {
        GenericKubernetesResource read = binding("41", null);
        List<Condition> merged = List.of(valid(read));

        ValidConditionWriter.Patch patch = ValidConditionWriter.patchFor(read, merged);

        // never "add /status": that replaces a status the reconciler wrote since the read
        assertThat(patch.type()).isEqualTo(PatchType.JSON_MERGE);
        assertThat(patch.body())
                .isEqualTo(Map.of("metadata", Map.of("resourceVersion", "41"), "status", Map.of("conditions", merged)));
    }

    @Test
    void shouldReplaceOnlyTheConditionsListWhenTheBindingHasAStatus() {
        GenericKubernetesResource withConditions =
                binding("42", Map.of("observedGeneration", 1, "conditions", List.of(Map.of("type", "InSync"))));
        GenericKubernetesResource withoutConditions = binding("43", Map.of("observedGeneration", 1));
        List<Condition> merged = List.of(valid(withConditions));

        ValidConditionWriter.Patch replace = ValidConditionWriter.patchFor(withConditions, merged);
        ValidConditionWriter.Patch add = ValidConditionWriter.patchFor(withoutConditions, merged);

        assertThat(replace.type()).isEqualTo(PatchType.JSON);
        assertThat(replace.body())
                .isEqualTo(List.of(Map.of("op", "replace", "path", "/status/conditions", "value", merged)));
        assertThat(add.body()).isEqualTo(List.of(Map.of("op", "add", "path", "/status/conditions", "value", merged)));
    }

    private static Condition valid(GenericKubernetesResource binding) {
        return CONDITIONS.newTrue(binding, ConditionType.VALID, ValidConditionWriter.REASON_VALID, "");
    }

    private static GenericKubernetesResource binding(String resourceVersion, Map<String, Object> status) {
        GenericKubernetesResourceBuilder builder = new GenericKubernetesResourceBuilder()
                .withApiVersion("credrift.dev/v1alpha1")
                .withKind("CredentialBinding")
                .withNewMetadata()
                .withNamespace("monitoring")
                .withName("loki-s3")
                .withGeneration(1L)
                .withResourceVersion(resourceVersion)
                .endMetadata();
        if (status != null) {
            builder.addToAdditionalProperties("status", status);
        }
        return builder.build();
    }
}
