package dev.credrift.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ValidationMessage;
import dev.credrift.api.status.ConditionType;
import dev.credrift.api.status.Conditions;
import dev.credrift.api.status.CredentialBindingStatus;
import dev.credrift.api.status.DriftClass;
import dev.credrift.api.status.Fingerprints;
import dev.credrift.api.status.Halt;
import dev.credrift.api.status.LastRemediation;
import dev.credrift.api.status.RemediationOutcome;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The Java model, serialised as fabric8 would send it, against the CRD's schema. */
class CrdSchemaTest {

    private static final Instant T0 = Instant.parse("2026-11-22T06:00:00.123456789Z");
    private static final String FINGERPRINT = "q1w2e3r4t5y6u7i8o9p0-_";

    @ParameterizedTest
    @FieldSource("dev.credrift.api.Examples#ALL")
    void shouldAcceptExampleWhenJavaModelIsSerialisedToJson(String example) throws Exception {
        CredentialBinding binding = Examples.binding(example);

        JsonNode sent = Examples.YAML.readTree(Examples.SERIALIZATION.asJson(binding));

        assertThat(CrdSchema.validate(sent)).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("dev.credrift.api.Examples#ALL")
    void shouldAcceptExampleWhenJavaModelIsSerialisedToYaml(String example) throws Exception {
        CredentialBinding binding = Examples.binding(example);

        JsonNode sent = Examples.YAML.readTree(Examples.SERIALIZATION.asYaml(binding));

        assertThat(CrdSchema.validate(sent)).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("dev.credrift.api.Examples#ALL")
    void shouldAcceptExampleWhenReadAsWritten(String example) {
        assertThat(CrdSchema.validate(Examples.tree(example))).isEmpty();
    }

    @Test
    void shouldAcceptAFullStatusWhenBuiltWithTheModel() throws Exception {
        CredentialBinding binding = halted(
                Examples.binding(Examples.LOKI_ROOK),
                new Fingerprints(FINGERPRINT, FINGERPRINT, "A".repeat(22), "b".repeat(22)));

        JsonNode sent = Examples.YAML.readTree(Examples.SERIALIZATION.asJson(binding));

        assertThat(CrdSchema.validate(sent)).isEmpty();
        assertThat(sent.at("/status/conditions/0/lastTransitionTime").asText()).isEqualTo("2026-11-22T06:00:00Z");
        assertThat(sent.at("/status/driftClass").asText()).isEqualTo("CONSUMERS_STALE");
    }

    @Test
    void shouldRefuseARawSecretWhenWrittenAsAFingerprint() throws Exception {
        CredentialBinding binding = halted(
                Examples.binding(Examples.LOKI_ROOK),
                new Fingerprints(FINGERPRINT, "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", null, null));

        Set<ValidationMessage> errors =
                CrdSchema.validate(Examples.YAML.readTree(Examples.SERIALIZATION.asJson(binding)));

        assertThat(errors)
                .extracting(e -> e.getInstanceLocation().toString())
                .containsExactly("$.status.fingerprints.vault");
    }

    @Test
    void shouldRefuseAnUnknownConditionTypeWhenStatusIsWrittenByHand() {
        var tree = Examples.tree(Examples.LOKI_ROOK);
        Trees.set(
                tree,
                "status.conditions",
                Trees.yaml("[{type: Ready, status: 'True', reason: Fine, message: '',"
                        + " lastTransitionTime: '2026-11-22T06:00:00Z'}]"));

        assertThat(CrdSchema.validate(tree))
                .extracting(e -> e.getInstanceLocation().toString())
                .containsExactly("$.status.conditions[0].type");
    }

    private static CredentialBinding halted(CredentialBinding binding, Fingerprints fingerprints) {
        binding.getMetadata().setGeneration(4L);
        Conditions conditions = new Conditions(Clock.fixed(T0, ZoneOffset.UTC));
        CredentialBindingStatus status = Conditions.mergeInto(
                null,
                conditions.newTrue(binding, ConditionType.VALID, "Valid", "spec is valid"),
                conditions.newFalse(
                        binding, ConditionType.IN_SYNC, "ConsumersStale", "loki-0 started before the replica changed"),
                conditions.newFalse(binding, ConditionType.REMEDIATING, "Halted", ""),
                conditions.newTrue(binding, ConditionType.HALTED, "ReadinessTimeout", "loki-0 not ready after 5m"));
        binding.setStatus(status.withObservedGeneration(4L)
                .withFingerprints(fingerprints)
                .withDriftClass(DriftClass.CONSUMERS_STALE)
                .withLastRemediation(new LastRemediation("rem-01", RemediationOutcome.HALTED, T0, T0.plusSeconds(300)))
                .withHalted(new Halt(T0.plusSeconds(300), "ReadinessTimeout", "loki-0 not ready after 5m", "rem-01")));
        return binding;
    }
}
