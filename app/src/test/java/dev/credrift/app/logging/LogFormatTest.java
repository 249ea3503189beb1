package dev.credrift.app.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class LogFormatTest {

    @Test
    void shouldPreferOptionWhenOptionAndEnvironmentDisagree() {
        assertThat(LogFormat.resolve(Optional.of(LogFormat.TEXT), Optional.of("json")))
                .isEqualTo(LogFormat.TEXT);
    }

    @Test
    void shouldUseEnvironmentWhenNoOptionIsGiven() {
        assertThat(LogFormat.resolve(Optional.empty(), Optional.of(" JSON "))).isEqualTo(LogFormat.JSON);
    }

    @Test
    void shouldDefaultToTextWhenNothingIsGiven() {
        assertThat(LogFormat.resolve(Optional.empty(), Optional.empty())).isEqualTo(LogFormat.TEXT);
        assertThat(LogFormat.resolve(Optional.empty(), Optional.of(""))).isEqualTo(LogFormat.TEXT);
    }

    @Test
    void shouldNameVariableWhenEnvironmentValueIsUnknown() {
        assertThatThrownBy(() -> LogFormat.resolve(Optional.empty(), Optional.of("yaml")))
                .hasMessage("CREDRIFT_LOG_FORMAT must be 'text' or 'json', got 'yaml'");
    }
}
