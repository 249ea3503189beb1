package dev.credrift.sandbox.kube.front;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ColumnPathTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode binding() throws Exception {
        return JSON.readTree("""
                {"spec": {"mode": "Remediate", "items": [{"name": "a"}, {"name": "b"}]},
                 "status": {"conditions": [{"type": "Valid", "status": "True"}, {"type": "InSync", "status": "False"}]}}
                """);
    }

    @Test
    void shouldReadTheFieldWhenThePathIsAFieldChain() throws Exception {
        assertThat(ColumnPath.parse(".spec.mode").first(binding()).asText()).isEqualTo("Remediate");
    }

    @Test
    void shouldPickTheMatchingElementWhenThePathFilters() throws Exception {
        assertThat(ColumnPath.parse(".status.conditions[?(@.type==\"InSync\")].status")
                        .first(binding())
                        .asText())
                .isEqualTo("False");
    }

    @Test
    void shouldIndexTheArrayWhenThePathHasAnIndex() throws Exception {
        assertThat(ColumnPath.parse(".spec.items[1].name").first(binding()).asText())
                .isEqualTo("b");
    }

    @Test
    void shouldBeMissingWhenTheObjectLacksThePath() throws Exception {
        assertThat(ColumnPath.parse(".status.driftClass").first(binding()).isMissingNode())
                .isTrue();
        assertThat(ColumnPath.parse(".status.conditions[?(@.type==\"Halted\")].status")
                        .first(binding())
                        .isMissingNode())
                .isTrue();
    }

    @Test
    void shouldNameThePathWhenItIsNotASimpleJsonPath() {
        assertThatThrownBy(() -> ColumnPath.parse(".spec..mode"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(".spec..mode");
    }
}
