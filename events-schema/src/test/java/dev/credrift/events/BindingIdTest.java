package dev.credrift.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BindingIdTest {

    @Test
    void shouldRoundTripWhenParsingItsOwnText() {
        BindingId id = BindingId.of("monitoring", "loki-s3.v2");

        assertThat(id.toString()).isEqualTo("monitoring/loki-s3.v2");
        assertThat(BindingId.parse(id.toString())).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "loki",
                "/loki",
                "monitoring/",
                "Monitoring/loki",
                "monitoring/Loki",
                "mon itoring/loki",
                "monitoring/loki/extra",
                "monitoring/-loki",
                "monitoring/loki..s3"
            })
    void shouldRejectWhenTextIsNotABindingId(String text) {
        assertThatThrownBy(() -> BindingId.parse(text)).isInstanceOf(ContractViolation.class);
    }

    @Test
    void shouldEnforceKubernetesLengthsWhenBuilt() {
        assertThat(BindingId.of("n".repeat(63), "x".repeat(253))).isNotNull();
        assertThatThrownBy(() -> BindingId.of("n".repeat(64), "x")).hasMessageStartingWith("namespace");
        assertThatThrownBy(() -> BindingId.of("n", "x".repeat(254))).hasMessageStartingWith("name");
    }
}
