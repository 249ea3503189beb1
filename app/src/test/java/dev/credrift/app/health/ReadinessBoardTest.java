package dev.credrift.app.health;

import static dev.credrift.app.health.ReadinessBoard.Impact.DEGRADED;
import static dev.credrift.app.health.ReadinessBoard.Impact.UNREADY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadinessBoardTest {

    private static final Instant NOW = Instant.parse("2026-12-07T05:00:00Z");
    private static final Readiness READY = new Readiness.Ready(NOW);

    @Test
    void shouldBeReadyWhenEveryDependencyIsReady() {
        assertThat(ReadinessBoard.combine(
                        List.of(entry("kafka", UNREADY, READY), entry("onepassword", DEGRADED, READY)), NOW))
                .isEqualTo(READY);
    }

    @Test
    void shouldBeDegradedNotUnreadyWhenOnlyOnePasswordFails() {
        Readiness verdict = ReadinessBoard.combine(
                List.of(
                        entry("kafka", UNREADY, READY),
                        entry(
                                "onepassword",
                                DEGRADED,
                                new Readiness.NotReady("1Password Connect at http://op/ unreachable", NOW))),
                NOW);

        assertThat(verdict).isEqualTo(new Readiness.Degraded("1Password Connect at http://op/ unreachable", NOW));
        assertThat(verdict.serving()).isTrue();
    }

    @Test
    void shouldBeNotReadyNamingEveryUnreadyDependencyWhenKubernetesFails() {
        Readiness verdict = ReadinessBoard.combine(
                List.of(
                        entry("kafka", UNREADY, READY),
                        entry(
                                "kubernetes",
                                UNREADY,
                                new Readiness.NotReady("kubernetes API at https://k:6443/ unreachable", NOW)),
                        entry("roles", UNREADY, new Readiness.NotReady("watcher not started", NOW)),
                        entry("onepassword", DEGRADED, new Readiness.NotReady("1Password Connect down", NOW))),
                NOW);

        assertThat(verdict)
                .isEqualTo(new Readiness.NotReady(
                        "kubernetes API at https://k:6443/ unreachable; watcher not started", NOW));
        assertThat(verdict.serving()).isFalse();
    }

    private static ReadinessBoard.Entry entry(String dependency, ReadinessBoard.Impact impact, Readiness readiness) {
        return new ReadinessBoard.Entry(dependency, impact, readiness);
    }
}
