package dev.credrift.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class DurationConverterTest {

    @ParameterizedTest
    @CsvSource({"500ms,PT0.5S", "10s,PT10S", "2m,PT2M", "1h,PT1H", "7d,PT168H", "PT15S,PT15S", "pt1m,PT1M", " 3S ,PT3S"
    })
    void shouldParseDurationWhenWrittenLikeAnOperatorWould(String input, String expected) {
        assertThat(DurationConverter.parse(input)).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ten seconds", "10", "-5s", "1.5s", "PTX"})
    void shouldExplainAcceptedFormsWhenInputIsInvalid(String input) {
        assertThatThrownBy(() -> DurationConverter.parse(input))
                .isInstanceOf(CommandLine.TypeConversionException.class)
                .hasMessageContaining("is not a duration; use e.g. 500ms, 10s");
    }
}
