package dev.credrift.app.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.app.kafka.BootstrapServers;
import dev.credrift.app.kafka.KafkaUnreachableException;
import io.vertx.core.impl.NoStackTraceTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KafkaReadinessTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final List<String> REQUIRED = List.of("credrift.observations", "credrift.state");

    @Test
    void shouldBeReadyWhenEveryRequiredTopicExists() {
        Readiness readiness =
                KafkaReadiness.fromTopics(REQUIRED, Set.of("credrift.state", "credrift.observations", "other"), NOW);

        assertThat(readiness).isEqualTo(new Readiness.Ready(NOW));
    }

    @Test
    void shouldNameMissingTopicsWhenSomeAreAbsent() {
        Readiness readiness = KafkaReadiness.fromTopics(REQUIRED, Set.of("credrift.observations"), NOW);

        assertThat(readiness).isEqualTo(new Readiness.NotReady("topics missing: credrift.state", NOW));
    }

    @Test
    void shouldNameBootstrapServersWhenKafkaIsUnreachable() {
        KafkaUnreachableException unreachable = new KafkaUnreachableException(
                BootstrapServers.parse("127.0.0.1:1"), "list topics", Duration.ofSeconds(1), null);

        assertThat(KafkaReadiness.fromFailure(unreachable, NOW))
                .isEqualTo(new Readiness.NotReady("kafka unreachable at 127.0.0.1:1", NOW));
    }

    @Test
    void shouldSayTimedOutWhenCheckTimesOut() {
        assertThat(KafkaReadiness.fromFailure(new NoStackTraceTimeoutException("late"), NOW))
                .isEqualTo(new Readiness.NotReady("kafka check timed out", NOW));
    }

    @Test
    void shouldNotLeakMessageWhenFailureIsUnexpected() {
        Readiness readiness = KafkaReadiness.fromFailure(new IllegalStateException("password=hunter2"), NOW);

        assertThat(readiness)
                .isInstanceOfSatisfying(
                        Readiness.NotReady.class,
                        notReady ->
                                assertThat(notReady.reason()).isEqualTo("kafka check failed: IllegalStateException"));
    }

    @Test
    void shouldKeepCachedVerdictWhenItIsFresh() {
        Readiness cached = new Readiness.Ready(NOW);

        assertThat(KafkaReadiness.current(cached, NOW.plusSeconds(10), Duration.ofSeconds(10)))
                .isSameAs(cached);
    }

    @Test
    void shouldReportNotReadyWhenCachedVerdictIsStale() {
        Readiness cached = new Readiness.Ready(NOW);

        Readiness current = KafkaReadiness.current(cached, NOW.plusSeconds(31), Duration.ofSeconds(30));

        assertThat(current).isEqualTo(new Readiness.NotReady("last kafka check finished 31s ago", NOW.plusSeconds(31)));
    }
}
