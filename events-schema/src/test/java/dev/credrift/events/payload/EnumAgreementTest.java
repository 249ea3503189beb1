package dev.credrift.events.payload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.credrift.events.Fixtures;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every constant of every Java enum is a value its schema allows, and the other way round. */
class EnumAgreementTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @CsvSource({
        "SOURCE_SECRET_OBSERVED, /$defs/problem/properties/code, dev.credrift.events.payload.ProblemCode",
        "EXTERNAL_SECRET_OBSERVED, /properties/ready, dev.credrift.events.payload.ExternalSecretObserved$ConditionStatus",
        "EXTERNAL_SECRET_OBSERVED, /properties/refreshPolicy, dev.credrift.events.payload.ExternalSecretObserved$RefreshPolicy",
        "CONSUMER_READINESS_OBSERVED, /properties/workloads/items/properties/kind, dev.credrift.events.payload.ConsumerReadinessObserved$WorkloadKind",
        "CONSUMER_READINESS_OBSERVED, /properties/workloads/items/properties/readsVia/items, dev.credrift.events.payload.ConsumerReadinessObserved$SecretMount",
        "BINDING_CHANGED, /properties/change, dev.credrift.events.payload.BindingChanged$Change",
        "RESYNC_REQUESTED, /properties/reason, dev.credrift.events.payload.ResyncRequested$Reason",
        "DRIFT_DETECTED, /$defs/driftClass, dev.credrift.events.payload.DriftClass",
        "DRIFT_DETECTED, /properties/authority, dev.credrift.events.payload.Authority",
        "DRIFT_DETECTED, /properties/storeVerdict, dev.credrift.events.payload.StoreVerdict",
        "REMEDIATION_PLANNED, /$defs/stepKind, dev.credrift.events.payload.StepKind",
        "REMEDIATION_STEP_FINISHED, /properties/result, dev.credrift.events.payload.RemediationStepFinished$Result",
        "REMEDIATION_HALTED, /properties/reason, dev.credrift.events.payload.RemediationHalted$Reason",
        "REMEDIATION_SUPERSEDED, /$defs/stepKind, dev.credrift.events.payload.StepKind",
        "REMEDIATION_DEFERRED, /$defs/stepKind, dev.credrift.events.payload.StepKind",
        "ATTENTION_REQUIRED, /properties/reason, dev.credrift.events.payload.AttentionRequired$Reason",
        "NOTIFICATION_DELIVERED, /$defs/sinkKind, dev.credrift.events.payload.SinkKind",
        "ROTATION_STARTED, /properties/trigger, dev.credrift.events.payload.RotationStarted$Trigger",
        "ROTATION_STEP, /$defs/rotationStep, dev.credrift.events.payload.RotationStepKind",
        "ROTATION_STEP, /properties/result, dev.credrift.events.payload.RotationStepFinished$Result",
        "ROTATION_FAILED, /$defs/rotationStep, dev.credrift.events.payload.RotationStepKind"
    })
    void shouldListTheSameValuesWhenJavaEnumAndSchemaEnumAreCompared(
            EventType type, String pointer, Class<?> javaEnum) {
        JsonNode schema = Fixtures.tree(Fixtures.resource(type.schemaResource()).orElseThrow());

        Set<String> schemaValues = StreamSupport.stream(
                        schema.at(pointer).path("enum").spliterator(), false)
                .map(JsonNode::asText)
                .collect(Collectors.toSet());
        Set<String> javaValues = Arrays.stream(javaEnum.getEnumConstants())
                .map(constant -> JSON.valueToTree(constant).asText())
                .collect(Collectors.toSet());

        assertThat(schemaValues)
                .as("%s %s", type.typeName(), pointer)
                .isNotEmpty()
                .isEqualTo(javaValues);
    }
}
