package dev.credrift.api.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConditionJsonTest {

    @Test
    void shouldSerialiseOnlyTheConditionFieldsWhenWrittenToStatus() {
        Condition condition = new Condition(
                ConditionType.IN_SYNC,
                ConditionStatus.TRUE,
                "InSync",
                "all hops agree",
                Instant.parse("2026-11-22T08:00:00Z"),
                3L);

        String json = Serialization.asJson(condition);

        assertThat(json)
                .contains("\"type\"", "\"status\"", "\"observedGeneration\"")
                .doesNotContain("\"true\"", "\"false\"");
    }
}
