package dev.credrift.reconciler.step;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.reconciler.probe.ProbeVerdict;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** architecture.md §5.1 rules 1 and 3 for a workload several bindings' replicas are read by: the decision half. */
class SharedRolloutTest {

    private static final String SHARED = "Deployment monitoring/shared";
    private static final Instant CHANGED = Instant.parse("2026-12-07T12:00:05.300Z");
    private static final ProbeVerdict ACCEPTED = new ProbeVerdict.Accepted(false);
    private static final ProbeVerdict SUSPENDED =
            new ProbeVerdict.Rejected(ProbeVerdict.Rejected.Reason.USER_SUSPENDED, "UserSuspended", 403, false);
    private static final ProbeVerdict UNREACHABLE = new ProbeVerdict.Unreachable("connection refused", false);

    private static final List<Optional<String>> OLD_PODS = List.of(Optional.of("2026-12-07T11:00:00Z"));

    private static CoRead b0(Optional<ProbeVerdict> verdict) {
        return new CoRead("monitoring/b-0", "es-0", Optional.of("AKIA…WXYZ"), verdict, false);
    }

    private static SharedRollout.Claim claim(String restartedAt) {
        return new SharedRollout.Claim("monitoring/b-0", restartedAt);
    }

    static Stream<Arguments> worlds() {
        return Stream.of(
                Arguments.of(
                        "reads nothing else",
                        Optional.of(CHANGED),
                        List.of(),
                        Optional.empty(),
                        OLD_PODS,
                        List.of(),
                        SharedRollout.Roll.class,
                        null),
                Arguments.of(
                        "the other credential is accepted",
                        Optional.of(CHANGED),
                        List.of(),
                        Optional.empty(),
                        OLD_PODS,
                        List.of(b0(Optional.of(ACCEPTED))),
                        SharedRollout.Roll.class,
                        null),
                Arguments.of(
                        "the other Secret holds no usable credential",
                        Optional.of(CHANGED),
                        List.of(),
                        Optional.empty(),
                        OLD_PODS,
                        List.of(new CoRead("monitoring/b-0", "es-0", Optional.empty(), Optional.empty(), false)),
                        SharedRollout.Roll.class,
                        null),
                Arguments.of(
                        "the other credential is refused",
                        Optional.of(CHANGED),
                        List.of(),
                        Optional.empty(),
                        OLD_PODS,
                        List.of(b0(Optional.of(SUSPENDED))),
                        SharedRollout.Wait.class,
                        "SHARED_CONSUMER_REFUSED"),
                Arguments.of(
                        "the store cannot be asked",
                        Optional.of(CHANGED),
                        List.of(),
                        Optional.empty(),
                        OLD_PODS,
                        List.of(b0(Optional.of(UNREACHABLE))),
                        SharedRollout.Wait.class,
                        "SHARED_CONSUMER_UNVERIFIED"),
                Arguments.of(
                        "another binding rolled after the change",
                        Optional.of(CHANGED),
                        List.of(claim("2026-12-07T12:00:06Z")),
                        Optional.empty(),
                        OLD_PODS,
                        List.of(),
                        SharedRollout.Join.class,
                        "2026-12-07T12:00:06Z"),
                Arguments.of(
                        "another binding rolled in the second of the change",
                        Optional.of(CHANGED),
                        List.of(claim("2026-12-07T12:00:05Z")),
                        Optional.empty(),
                        OLD_PODS,
                        List.of(),
                        SharedRollout.Join.class,
                        "2026-12-07T12:00:05Z"),
                Arguments.of(
                        "another binding rolled before the change",
                        Optional.of(CHANGED),
                        List.of(claim("2026-12-07T12:00:04Z")),
                        Optional.empty(),
                        OLD_PODS,
                        List.of(),
                        SharedRollout.Roll.class,
                        null),
                Arguments.of(
                        "a rollout under way covers it even if a credential is refused now",
                        Optional.of(CHANGED),
                        List.of(claim("2026-12-07T12:00:06Z")),
                        Optional.empty(),
                        OLD_PODS,
                        List.of(b0(Optional.of(SUSPENDED))),
                        SharedRollout.Join.class,
                        "2026-12-07T12:00:06Z"),
                Arguments.of(
                        "the latest of two covering rollouts",
                        Optional.of(CHANGED),
                        List.of(claim("2026-12-07T12:00:06Z"), claim("2026-12-07T12:00:09Z")),
                        Optional.empty(),
                        OLD_PODS,
                        List.of(),
                        SharedRollout.Join.class,
                        "2026-12-07T12:00:09Z"),
                Arguments.of(
                        "the template's rollout after the change",
                        Optional.of(CHANGED),
                        List.of(),
                        Optional.of("2026-12-07T12:00:07Z"),
                        OLD_PODS,
                        List.of(),
                        SharedRollout.Join.class,
                        "2026-12-07T12:00:07Z"),
                Arguments.of(
                        "the template's rollout before the change",
                        Optional.of(CHANGED),
                        List.of(),
                        Optional.of("2026-12-07T11:00:00Z"),
                        OLD_PODS,
                        List.of(),
                        SharedRollout.Roll.class,
                        null),
                Arguments.of(
                        "the template's rollout, change unknown",
                        Optional.empty(),
                        List.of(),
                        Optional.of("2026-12-07T12:00:07Z"),
                        OLD_PODS,
                        List.of(),
                        SharedRollout.Roll.class,
                        null),
                Arguments.of(
                        "a claimed rollout, change unknown",
                        Optional.empty(),
                        List.of(claim("2026-12-07T11:00:00Z")),
                        Optional.empty(),
                        OLD_PODS,
                        List.of(),
                        SharedRollout.Join.class,
                        "2026-12-07T11:00:00Z"),
                Arguments.of(
                        "a claimed rollout whose pods are all there, unready",
                        Optional.of(CHANGED),
                        List.of(claim("2026-12-07T12:00:06Z")),
                        Optional.of("2026-12-07T12:00:06Z"),
                        List.of(Optional.of("2026-12-07T12:00:06Z")),
                        List.of(),
                        SharedRollout.Roll.class,
                        null),
                Arguments.of(
                        "a claimed rollout not on the template yet",
                        Optional.of(CHANGED),
                        List.of(claim("2026-12-07T12:00:06Z")),
                        Optional.of("2026-12-07T12:00:01Z"),
                        List.of(Optional.of("2026-12-07T12:00:01Z")),
                        List.of(),
                        SharedRollout.Join.class,
                        "2026-12-07T12:00:06Z"),
                Arguments.of(
                        "the template's rollout done, its pods unready",
                        Optional.of(CHANGED),
                        List.of(),
                        Optional.of("2026-12-07T12:00:07Z"),
                        List.of(Optional.of("2026-12-07T12:00:07Z")),
                        List.of(),
                        SharedRollout.Roll.class,
                        null),
                Arguments.of(
                        "a claim that is no time",
                        Optional.of(CHANGED),
                        List.of(claim("yesterday")),
                        Optional.empty(),
                        OLD_PODS,
                        List.of(),
                        SharedRollout.Roll.class,
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("worlds")
    void shouldRollOnlyWhatTheStoreAcceptsAndOncePerChangeWhenBindingsShareAWorkload(
            String name,
            Optional<Instant> changed,
            List<SharedRollout.Claim> claims,
            Optional<String> template,
            List<Optional<String>> pods,
            List<CoRead> coReads,
            Class<?> expected,
            String codeOrValue) {
        SharedRollout.Decision decision = SharedRollout.decide(SHARED, changed, claims, template, pods, coReads);

        assertThat(decision).isInstanceOf(expected);
        if (decision instanceof SharedRollout.Wait wait) {
            assertThat(wait.code()).isEqualTo(codeOrValue);
            assertThat(wait.detail()).contains(SHARED, "binding monitoring/b-0", "Secret es-0", "AKIA…WXYZ");
        }
        if (decision instanceof SharedRollout.Join join) {
            assertThat(join.restartedAt()).isEqualTo(codeOrValue);
            assertThat(join.detail()).contains(SHARED, "restartedAt=" + codeOrValue);
        }
    }

    @Test
    void shouldBlameTheRefusedCredentialWhenAnotherIsAccepted() {
        CoRead accepted = new CoRead("monitoring/b-2", "es-2", Optional.of("AKIA…AAAA"), Optional.of(ACCEPTED), false);

        Optional<SharedRollout.Wait> wait = SharedRollout.blame(SHARED, List.of(accepted, b0(Optional.of(SUSPENDED))));

        assertThat(wait)
                .hasValueSatisfying(w ->
                        assertThat(w.detail()).contains("es-0", "UserSuspended").doesNotContain("es-2"));
    }

    @Test
    void shouldSayThePodsFailForAnotherBindingWhenTheyStartedBeforeItsReplicaChanged() {
        CoRead stale = new CoRead("monitoring/b-0", "es-0", Optional.of("AKIA…WXYZ"), Optional.of(ACCEPTED), true);

        assertThat(SharedRollout.failing(SHARED, List.of(stale)))
                .hasValueSatisfying(why ->
                        assertThat(why).contains(SHARED, "older credential", "Secret es-0 (binding monitoring/b-0"));
        assertThat(SharedRollout.decide(
                        SHARED, Optional.of(CHANGED), List.of(), Optional.empty(), OLD_PODS, List.of(stale)))
                .as("a rollout heals the other binding's pods too: nothing to wait for")
                .isInstanceOf(SharedRollout.Roll.class);
        assertThat(SharedRollout.failing(SHARED, List.of(b0(Optional.of(ACCEPTED)))))
                .isEmpty();
        assertThat(SharedRollout.failing(SHARED, List.of(b0(Optional.of(SUSPENDED)))))
                .hasValueSatisfying(why -> assertThat(why).contains("UserSuspended"));
    }

    @Test
    void shouldJudgeByTheLaterRolloutWhenAnotherBindingRolledTheWorkloadAgain() {
        assertThat(SharedRollout.later("2026-12-07T12:00:05Z", Optional.of("2026-12-07T12:00:09Z")))
                .isEqualTo("2026-12-07T12:00:09Z");
        assertThat(SharedRollout.later("2026-12-07T12:00:05Z", Optional.of("2026-12-07T12:00:01Z")))
                .isEqualTo("2026-12-07T12:00:05Z");
        assertThat(SharedRollout.later("2026-12-07T12:00:05Z", Optional.empty()))
                .isEqualTo("2026-12-07T12:00:05Z");
    }
}
