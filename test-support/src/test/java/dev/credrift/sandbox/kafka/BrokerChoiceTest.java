package dev.credrift.sandbox.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BrokerChoiceTest {

    @Test
    void shouldChooseAutomaticallyWhenNothingIsSet() {
        assertThat(BrokerChoice.from(key -> null, Map.of())).isEqualTo(BrokerChoice.AUTO);
    }

    @Test
    void shouldPreferSystemPropertyWhenBothAreSet() {
        BrokerChoice choice = BrokerChoice.from(
                Map.of("credrift.test.kafka", "Embedded")::get, Map.of("CREDRIFT_TEST_KAFKA", "testcontainers"));

        assertThat(choice).isEqualTo(BrokerChoice.EMBEDDED);
    }

    @Test
    void shouldUseEnvironmentVariableWhenPropertyIsUnset() {
        assertThat(BrokerChoice.from(key -> null, Map.of("CREDRIFT_TEST_KAFKA", " testcontainers ")))
                .isEqualTo(BrokerChoice.TESTCONTAINERS);
    }

    @Test
    void shouldNameTheSettingWhenValueIsUnknown() {
        assertThatThrownBy(() -> BrokerChoice.from(key -> null, Map.of("CREDRIFT_TEST_KAFKA", "docker")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CREDRIFT_TEST_KAFKA")
                .hasMessageContaining("'docker'");
    }
}
