package dev.credrift.reconciler.step;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.events.credential.Fingerprint;
import dev.credrift.reconciler.probe.ProbeVerdict;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** architecture.md §5.1 rule 1, the decision half: what the fresh look at the point of no return allows. */
class GateVerdictTest {

    private static final Fingerprint PLANNED = new Fingerprint("AAAAAAAAAAAAAAAAAAAAAA");
    private static final Fingerprint NEWER = new Fingerprint("BBBBBBBBBBBBBBBBBBBBBA");
    private static final ProbeVerdict REFUSED = new ProbeVerdict.Rejected(
            ProbeVerdict.Rejected.Reason.INVALID_ACCESS_KEY_ID, "InvalidAccessKeyId", 403, false);

    static Stream<Arguments> looks() {
        return Stream.of(
                Arguments.of(
                        "same, accepted",
                        Optional.of(PLANNED),
                        Optional.of(new ProbeVerdict.Accepted(false)),
                        GateVerdict.Proceed.class,
                        null),
                Arguments.of(
                        "same, not probed (an account to create)",
                        Optional.of(PLANNED),
                        Optional.empty(),
                        GateVerdict.Proceed.class,
                        null),
                Arguments.of(
                        "same, refused now",
                        Optional.of(PLANNED),
                        Optional.of(REFUSED),
                        GateVerdict.Reject.class,
                        "AUTHORITY_REJECTED"),
                Arguments.of(
                        "same, store unreachable",
                        Optional.of(PLANNED),
                        Optional.of(new ProbeVerdict.Unreachable("connection refused", false)),
                        GateVerdict.Unverified.class,
                        "AUTHORITY_NOT_VERIFIED"),
                Arguments.of("changed", Optional.of(NEWER), Optional.empty(), GateVerdict.Supersede.class, null),
                Arguments.of(
                        "changed, even if the old one is refused",
                        Optional.of(NEWER),
                        Optional.of(REFUSED),
                        GateVerdict.Supersede.class,
                        null),
                Arguments.of("unreadable", Optional.empty(), Optional.empty(), GateVerdict.Supersede.class, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("looks")
    void shouldActOnlyOnTheAuthorityThePlanWasMadeForWhenTheStoreAcceptsItNow(
            String name,
            Optional<Fingerprint> current,
            Optional<ProbeVerdict> verdict,
            Class<? extends GateVerdict> expected,
            String failureCode) {
        GateVerdict decided = GateVerdict.judge(PLANNED, current, "Secret storage/x does not exist", verdict);

        assertThat(decided).isInstanceOf(expected);
        Optional<StepOutcome> outcome = AuthorityGate.outcome(decided);
        if (expected == GateVerdict.Proceed.class) {
            assertThat(outcome).isEmpty();
        } else if (expected == GateVerdict.Supersede.class) {
            assertThat(outcome).get().isInstanceOf(StepOutcome.Superseded.class);
        } else {
            assertThat(outcome).get().isInstanceOfSatisfying(StepOutcome.Failed.class, f -> {
                assertThat(f.code()).isEqualTo(failureCode);
                assertThat(f.detail()).contains("nothing is written or rolled");
            });
        }
    }
}
