package dev.credrift.app.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BootstrapServersTest {

    @Test
    void shouldKeepEveryEntryWhenListIsValid() {
        BootstrapServers servers = BootstrapServers.parse("kafka-0.kafka:9092, 10.0.0.7:9093,[::1]:9094");

        assertThat(servers.entries()).containsExactly("kafka-0.kafka:9092", "10.0.0.7:9093", "[::1]:9094");
        assertThat(servers.value()).isEqualTo("kafka-0.kafka:9092,10.0.0.7:9093,[::1]:9094");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "kafka|'kafka' in 'kafka' is not host:port",
                "kafka:|is not host:port",
                ":9092|is not host:port",
                "kafka:ninety|port 'ninety' of 'kafka:ninety' is not a number",
                "kafka:0|port 0 of 'kafka:0' is outside 1-65535",
                "kafka:70000|outside 1-65535",
                "a:1,,b:2|'' in 'a:1,,b:2' is not host:port",
                "::1:9092|must be in brackets"
            })
    void shouldNameTheEntryWhenInputIsInvalid(String input, String message) {
        assertThatThrownBy(() -> BootstrapServers.parse(input))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void shouldRejectValueWhenBlank(String input) {
        assertThatThrownBy(() -> BootstrapServers.parse(input)).hasMessageContaining("empty value");
    }
}
