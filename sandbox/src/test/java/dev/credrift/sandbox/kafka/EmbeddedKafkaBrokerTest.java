package dev.credrift.sandbox.kafka;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmbeddedKafkaBrokerTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "listeners",
                "advertised.listeners",
                "node.id",
                "process.roles",
                "log.dirs",
                "metadata.log.dir",
                "controller.quorum.voters"
            })
    void shouldRejectOverrideWhenItFixesPortsRolesOrDirectories(String key) {
        assertThatThrownBy(() -> EmbeddedKafkaBroker.start(Map.of(key, "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + key + "'");
    }
}
