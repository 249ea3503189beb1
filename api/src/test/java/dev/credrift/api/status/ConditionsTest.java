package dev.credrift.api.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.credrift.api.CredentialBinding;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionsTest {

    private static final Instant T0 = Instant.parse("2026-11-22T06:00:00.987Z");
    private static final Instant T1 = Instant.parse("2026-11-22T06:05:00Z");

    private final Conditions atT0 = new Conditions(Clock.fixed(T0, ZoneOffset.UTC));
    private final Conditions atT1 = new Conditions(Clock.fixed(T1, ZoneOffset.UTC));

    @Test
    void shouldStampTheGenerationItJudgesWhenBuildingACondition() {
        Condition condition = atT0.newFalse(binding(7), ConditionType.IN_SYNC, "VaultStale", "vault holds an old key");

        assertThat(condition)
                .isEqualTo(new Condition(
                        ConditionType.IN_SYNC,
                        ConditionStatus.FALSE,
                        "VaultStale",
                        "vault holds an old key",
                        Instant.parse("2026-11-22T06:00:00Z"),
                        7L));
    }

    @Test
    void shouldLeaveGenerationEmptyWhenResourceHasNone() {
        CredentialBinding unsaved = new CredentialBinding();
        unsaved.setMetadata(null);

        assertThat(atT0.newTrue(unsaved, ConditionType.VALID, "Valid", null).observedGeneration())
                .isNull();
        assertThat(atT0.newTrue(null, ConditionType.VALID, "Valid", null).message())
                .isEmpty();
    }

    @Test
    void shouldKeepTransitionTimeWhenStatusIsUnchanged() {
        List<Condition> before =
                Conditions.merge(List.of(), atT0.newFalse(binding(3), ConditionType.IN_SYNC, "VaultStale", "old"));

        List<Condition> after =
                Conditions.merge(before, atT1.newFalse(binding(4), ConditionType.IN_SYNC, "ReplicaStale", "new"));

        assertThat(after)
                .containsExactly(new Condition(
                        ConditionType.IN_SYNC,
                        ConditionStatus.FALSE,
                        "ReplicaStale",
                        "new",
                        Instant.parse("2026-11-22T06:00:00Z"),
                        4L));
    }

    @Test
    void shouldMoveTransitionTimeWhenStatusChanges() {
        List<Condition> before =
                Conditions.merge(List.of(), atT0.newFalse(binding(3), ConditionType.IN_SYNC, "VaultStale", "old"));

        List<Condition> after =
                Conditions.merge(before, atT1.newTrue(binding(3), ConditionType.IN_SYNC, "InSync", "all hops agree"));

        assertThat(after).singleElement().satisfies(c -> {
            assertThat(c.lastTransitionTime()).isEqualTo(T1);
            assertThat(c.isTrue()).isTrue();
        });
    }

    @Test
    void shouldKeepOtherConditionsAndOrderByTypeWhenMerging() {
        Condition halted = atT0.newTrue(binding(2), ConditionType.HALTED, "ReadinessTimeout", "loki-0 not ready");
        Condition valid = atT0.newTrue(binding(2), ConditionType.VALID, "Valid", "");

        List<Condition> merged = Conditions.merge(
                List.of(valid, halted),
                atT1.newFalse(binding(2), ConditionType.IN_SYNC, "ConsumersStale", "loki-0 is stale"));

        assertThat(merged)
                .extracting(Condition::type)
                .containsExactly(ConditionType.IN_SYNC, ConditionType.HALTED, ConditionType.VALID);
        assertThat(merged).contains(halted, valid);
    }

    @Test
    void shouldMergeIntoAnEmptyStatusWhenThereIsNoneYet() {
        CredentialBindingStatus status =
                Conditions.mergeInto(null, atT0.newTrue(binding(1), ConditionType.VALID, "Valid", ""));

        assertThat(status.condition(ConditionType.VALID))
                .hasValueSatisfying(c -> assertThat(c.isTrue()).isTrue());
        assertThat(status.condition(ConditionType.IN_SYNC)).isEmpty();
        assertThat(status.fingerprints()).isNull();
    }

    @Test
    void shouldRefuseAReasonThatIsNotCamelCase() {
        assertThatThrownBy(() -> atT0.newFalse(binding(1), ConditionType.VALID, "bad reason", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CamelCase");
        assertThatThrownBy(() -> atT0.newFalse(binding(1), ConditionType.VALID, null, "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldClipMessagesToTheApiLimitWhenTooLong() {
        Condition condition = atT0.newFalse(binding(1), ConditionType.VALID, "Invalid", "x".repeat(40_000));

        assertThat(condition.message()).hasSize(Conditions.MAX_MESSAGE_LENGTH).endsWith("…");
    }

    private static CredentialBinding binding(long generation) {
        CredentialBinding binding = new CredentialBinding();
        binding.setMetadata(new ObjectMetaBuilder()
                .withNamespace("monitoring")
                .withName("loki-s3")
                .withGeneration(generation)
                .build());
        return binding;
    }
}
