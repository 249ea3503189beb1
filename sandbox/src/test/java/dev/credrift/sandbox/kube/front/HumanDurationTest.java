package dev.credrift.sandbox.kube.front;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HumanDurationTest {

    @Test
    void shouldPrintAgesAsTheApiServerDoesWhenGivenDurations() {
        assertThat(HumanDuration.of(Duration.ofSeconds(45))).isEqualTo("45s");
        assertThat(HumanDuration.of(Duration.ofSeconds(119))).isEqualTo("119s");
        assertThat(HumanDuration.of(Duration.ofSeconds(192))).isEqualTo("3m12s");
        assertThat(HumanDuration.of(Duration.ofMinutes(5))).isEqualTo("5m");
        assertThat(HumanDuration.of(Duration.ofMinutes(17))).isEqualTo("17m");
        assertThat(HumanDuration.of(Duration.ofMinutes(304))).isEqualTo("5h4m");
        assertThat(HumanDuration.of(Duration.ofHours(30))).isEqualTo("30h");
        assertThat(HumanDuration.of(Duration.ofHours(74))).isEqualTo("3d2h");
        assertThat(HumanDuration.of(Duration.ofDays(40))).isEqualTo("40d");
        assertThat(HumanDuration.of(Duration.ofDays(770))).isEqualTo("2y40d");
        assertThat(HumanDuration.of(Duration.ofSeconds(-5))).isEqualTo("<invalid>");
    }

    @Test
    void shouldSayUnknownWhenTheTimestampIsMissingOrUnreadable() {
        Instant now = Instant.parse("2026-12-07T04:00:00Z");
        assertThat(HumanDuration.since(null, now)).isEqualTo("<unknown>");
        assertThat(HumanDuration.since("yesterday", now)).isEqualTo("<unknown>");
        assertThat(HumanDuration.since("2026-12-07T03:59:15.123456Z", now)).isEqualTo("44s");
    }
}
