package dev.credrift.api.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class GoDurationTest {

    @ParameterizedTest
    @CsvSource({
        "5m, PT5M",
        "90s, PT1M30S",
        "1h30m, PT1H30M",
        "1.5s, PT1.5S",
        "300ms, PT0.3S",
        ".5h, PT30M",
        "1.h, PT1H",
        "1us, PT0.000001S",
        "1µs, PT0.000001S",
        "1μs, PT0.000001S",
        "10ns, PT0.00000001S",
        "0, PT0S",
        "0s, PT0S",
        "+5m, PT5M",
        "-5m, PT-5M",
        "1h0m0s, PT1H",
        "2562047h47m16.854775807s, PT2562047H47M16.854775807S",
    })
    void shouldParseLikeGoWhenTextIsAGoDuration(String text, Duration expected) {
        assertThat(GoDuration.parse(text)).contains(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "5",
                "m",
                "5x",
                "5 m",
                "1h 30m",
                "1..5s",
                ".",
                ".s",
                "-",
                "+",
                "5mm",
                "h5",
                "2562047h47m16.854775808s",
                "99999999999999999999h",
                "５m",
                "1e3s"
            })
    void shouldRefuseWhenTextIsNotAGoDuration(String text) {
        assertThat(GoDuration.parse(text)).isEmpty();
    }
}
