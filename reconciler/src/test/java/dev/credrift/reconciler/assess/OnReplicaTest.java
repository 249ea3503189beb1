package dev.credrift.reconciler.assess;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one judgement of a pod's start against the replica's change, same-second cases first (issue 12 follow-up). */
class OnReplicaTest {

    private static final Instant CHANGED = Instant.parse("2026-12-07T12:00:05.600Z");
    private static final Instant LATER = Instant.parse("2026-12-07T12:10:00Z");

    @ParameterizedTest(name = "{0}: started {1}, stamp {2}, rollouts {3}, {4} change, now {5} -> stale {6}")
    @CsvSource(
            delimiter = '|',
            value = {
                "second before an exact change | 12:00:04 | - | - | exact | - | true",
                "second after an exact change | 12:00:06 | - | - | exact | - | false",
                "same second, made by no rollout | 12:00:05 | - | - | exact | - | true",
                "same second, own rollout before | 12:00:05 | T12:00:05Z | 12:00:05.200 | exact | - | true",
                "same second, own rollout after | 12:00:05 | T12:00:05Z | 12:00:05.700 | exact | - | false",
                "same second, first own counts | 12:00:05 | T12:00:05Z | 12:00:05.700;12:00:05.100 | exact | - | true",
                "same second, rollout of another | 12:00:05 | T12:00:05Z | - | exact | - | false",
                "same second, own of another sec. | 12:00:05 | T12:00:05Z | 12:00:04.500 | exact | - | false",
                "same second, fraction before | 12:00:05 | T12:00:05.300Z | - | exact | - | true",
                "same second, fraction after | 12:00:05 | T12:00:05.912Z | - | exact | - | false",
                "same second, stamp of sec. before | 12:00:05 | T12:00:04Z | 12:00:04.500 | exact | - | true",
                "same second, stamp of sec. after | 12:00:05 | T12:00:06Z | - | exact | - | false",
                "same second, kubectl offset | 12:00:05 | T13:00:05+01:00 | - | exact | - | false",
                "same second, foreign annotation | 12:00:05 | yesterday | - | exact | - | true",
                "same second, first sight | 12:00:05 | - | - | inferred | - | false",
                "within the first-sight slack | 11:59:06 | - | - | inferred | - | false",
                "beyond the first-sight slack | 11:59:04 | - | - | inferred | - | true",
                "not started, in the change second | - | T12:00:04Z | - | exact | 12:00:05.900 | true",
                "not started, from a later rollout | - | T12:00:05.800Z | - | exact | 12:00:05.900 | false",
                "not started, a second later | - | T12:00:04Z | - | exact | 12:00:06.100 | false",
                "not started, first sight | - | - | - | inferred | 12:00:05.900 | false",
                "change time unknown | 11:00:00 | - | - | none | - | false",
            })
    void shouldCallAPodStaleWhenItMayHaveStartedBeforeTheReplicaChanged(
            String name, String started, String stamp, String restarts, String mark, String now, boolean stale) {
        OnReplica.History history = new OnReplica.History(mark(mark), times(restarts));

        assertThat(OnReplica.startedBefore(
                        optional(started).map(OnReplicaTest::at),
                        optional(stamp).map(OnReplicaTest::stamp),
                        history,
                        optional(now).map(OnReplicaTest::at).orElse(LATER)))
                .as(name)
                .isEqualTo(stale);
    }

    @Test
    void shouldKnowNoChangeTimeWhenTheMarkIsOfAnotherValue() {
        Optional<ReplicaMark> stale = Optional.of(ReplicaMark.observed(AssessmentFixture.STALE_FP, CHANGED));

        assertThat(OnReplica.History.of(stale, Optional.of(AssessmentFixture.AUTHORITY_FP), List.of())
                        .change())
                .isEmpty();
        assertThat(OnReplica.History.of(stale, Optional.of(AssessmentFixture.STALE_FP), List.of())
                        .change())
                .isEqualTo(stale);
        assertThat(OnReplica.History.of(stale, Optional.empty(), List.of()).change())
                .isEmpty();
    }

    private static Optional<ReplicaMark> mark(String kind) {
        return switch (kind) {
            case "exact" -> Optional.of(ReplicaMark.observed(AssessmentFixture.AUTHORITY_FP, CHANGED));
            case "inferred" -> Optional.of(ReplicaMark.firstSight(AssessmentFixture.AUTHORITY_FP, CHANGED));
            default -> Optional.empty();
        };
    }

    private static List<Instant> times(String restarts) {
        return optional(restarts)
                .map(r -> Arrays.stream(r.split(";")).map(OnReplicaTest::at).toList())
                .orElse(List.of());
    }

    // "T…" is a stamp of the test's day; anything else is taken as written (someone else's annotation)
    private static String stamp(String cell) {
        return cell.startsWith("T") ? "2026-12-07" + cell : cell;
    }

    private static Instant at(String timeOfDay) {
        return Instant.parse("2026-12-07T" + timeOfDay.trim() + "Z");
    }

    private static Optional<String> optional(String cell) {
        return "-".equals(cell.trim()) ? Optional.empty() : Optional.of(cell.trim());
    }
}
