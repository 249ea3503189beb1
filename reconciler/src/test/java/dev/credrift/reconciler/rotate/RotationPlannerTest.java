package dev.credrift.reconciler.rotate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.api.spec.Rotation;
import dev.credrift.api.spec.RotationMode;
import dev.credrift.api.spec.RotationWindow;
import dev.credrift.api.spec.Weekday;
import dev.credrift.events.payload.RotationStepKind;
import dev.credrift.reconciler.rotate.RotationDecision.AdoptMinted;
import dev.credrift.reconciler.rotate.RotationDecision.AgeAlert;
import dev.credrift.reconciler.rotate.RotationDecision.Blocked;
import dev.credrift.reconciler.rotate.RotationDecision.Due;
import dev.credrift.reconciler.rotate.RotationDecision.Halted;
import dev.credrift.reconciler.rotate.RotationDecision.NotDue;
import dev.credrift.reconciler.rotate.RotationDecision.ObserveOnly;
import dev.credrift.reconciler.rotate.RotationDecision.OutsideWindow;
import dev.credrift.reconciler.rotate.RotationDecision.RefusalReason;
import dev.credrift.reconciler.rotate.RotationDecision.Refuse;
import dev.credrift.reconciler.rotate.RotationDecision.Resume;
import dev.credrift.reconciler.rotate.RotationDecision.RollBack;
import dev.credrift.reconciler.rotate.RotationDecision.Wait;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The rotation planner, table by table: when a rotation is due, and what comes after a crash at every step. */
class RotationPlannerTest {

    private static final String OLD = "OLDKEY00000000000001";
    private static final String NEW = "NEWKEY00000000000002";
    // a Saturday, 03:00 UTC
    private static final Instant T0 = Instant.parse("2026-12-05T03:00:00Z");
    private static final Rotation MONTHLY = new Rotation("720h", null, "10m", null, null, null);
    private static final Map<String, String> ALL_ON_NEW =
            Map.of("source", NEW, "vault", NEW, "replica", NEW, "consumers", NEW);

    // ---- crash after each step --------------------------------------------------------------------------

    static Stream<RotationStepKind> completedSteps() {
        return Arrays.stream(RotationStepKind.values()).filter(s -> s != RotationStepKind.PROVE_OLD_REFUSED);
    }

    @ParameterizedTest
    @MethodSource("completedSteps")
    void shouldGoOnWithTheNextStepWhenACrashFollowsACompletedStep(RotationStepKind step) {
        RotationJournal journal = completedThrough(step, T0);
        Instant now = T0.plus(Duration.ofHours(1));

        RotationDecision decision = planner(now).decide(MONTHLY, false, Optional.of(journal), afterMint(step));

        RotationStepKind next = step.next().orElseThrow();
        assertThat(decision)
                .isEqualTo(
                        next == RotationStepKind.WAIT_REVOKE_AFTER
                                ? new Resume(next, "revokeAfter has passed")
                                : new Resume(next, "next step after " + step));
    }

    @ParameterizedTest
    @EnumSource(
            value = RotationStepKind.class,
            names = {"MINT", "WAIT_REVOKE_AFTER"},
            mode = EnumSource.Mode.EXCLUDE)
    void shouldRunTheStepAgainWhenACrashHitsItMidway(RotationStepKind step) {
        RotationJournal journal = completedThrough(before(step), T0).started(step, T0.plusSeconds(90));

        RotationDecision decision =
                planner(T0.plus(Duration.ofHours(1))).decide(MONTHLY, false, Optional.of(journal), afterMint(step));

        assertThat(decision).isEqualTo(new Resume(step, "re-run after a crash during the step (idempotent)"));
    }

    @Test
    void shouldMintWhenACrashHitTheMintBeforeTheStoreAddedAKey() {
        RotationJournal journal = opened().started(RotationStepKind.MINT, T0);

        RotationDecision decision =
                planner(T0).decide(MONTHLY, false, Optional.of(journal), facts(Set.of(OLD), Map.of()));

        assertThat(decision)
                .isEqualTo(
                        new Resume(RotationStepKind.MINT, "the store holds no new key: the mint did not" + " happen"));
    }

    @Test
    void shouldAdoptTheKeyInsteadOfMintingAgainWhenACrashHitTheMintAfterTheStoreAddedIt() {
        RotationJournal journal = opened().started(RotationStepKind.MINT, T0);

        RotationDecision decision =
                planner(T0).decide(MONTHLY, false, Optional.of(journal), facts(Set.of(OLD, NEW), Map.of()));

        assertThat(decision).isEqualTo(new AdoptMinted(NEW));
    }

    @Test
    void shouldRefuseToMintAThirdKeyWhenTheStoreHoldsTwoUnknownKeys() {
        RotationJournal journal = opened().started(RotationStepKind.MINT, T0);

        RotationDecision decision = planner(T0)
                .decide(
                        MONTHLY,
                        false,
                        Optional.of(journal),
                        facts(Set.of(OLD, NEW, "THIRDKEY000000000003"), Map.of()));

        assertThat(decision)
                .isInstanceOfSatisfying(Blocked.class, b -> assertThat(b.step()).isEqualTo(RotationStepKind.MINT));
    }

    @Test
    void shouldNeverMintAgainWhenTheMintIsJournaledWhateverTheWorldLooksLike() {
        List<RotationDecision> decisions = new ArrayList<>();
        for (RotationJournal journal : everyJournalAfterTheMint()) {
            for (RotationFacts facts : worlds()) {
                for (Instant now : List.of(T0, T0.plus(Duration.ofDays(60)))) {
                    decisions.add(planner(now).decide(MONTHLY, false, Optional.of(journal), facts));
                }
            }
        }

        assertThat(decisions)
                .hasSizeGreaterThan(100)
                .noneMatch(d -> d instanceof Due
                        || d instanceof AdoptMinted
                        || d instanceof Resume r && r.step() == RotationStepKind.MINT);
    }

    @Test
    void shouldNeverRevokeBeforeConsumersAreProvenWhateverTheJournalSays() {
        List<RotationDecision> decisions = new ArrayList<>();
        for (RotationJournal journal : everyJournalAfterTheMint()) {
            if (journal.hasCompleted(RotationStepKind.PROVE_CONSUMERS)) {
                continue;
            }
            for (RotationFacts facts : worlds()) {
                decisions.add(planner(T0.plus(Duration.ofDays(1))).decide(MONTHLY, false, Optional.of(journal), facts));
            }
        }
        // a journal that skips the proof (damaged, or written by a buggy version) is blocked, not revoked
        RotationJournal skipped = opened().minted(NEW, T0).completed(RotationStepKind.WAIT_REVOKE_AFTER, T0);
        RotationDecision forged = planner(T0.plus(Duration.ofDays(1)))
                .decide(MONTHLY, false, Optional.of(skipped), facts(Set.of(OLD, NEW), ALL_ON_NEW));

        assertThat(decisions)
                .hasSizeGreaterThan(50)
                .noneMatch(d -> d instanceof Resume r && r.step().compareTo(RotationStepKind.WAIT_REVOKE_AFTER) >= 0);
        assertThat(forged).isEqualTo(new Blocked(RotationStepKind.REVOKE, "consumers are not proven on the new key"));
    }

    @Test
    void shouldNotRevokeButBlockWhenAHopStillHoldsTheOldKey() {
        RotationJournal journal = completedThrough(RotationStepKind.WAIT_REVOKE_AFTER, T0);
        Map<String, String> consumersStale = Map.of("source", NEW, "vault", NEW, "replica", NEW, "consumers", OLD);

        RotationDecision decision = planner(T0.plus(Duration.ofHours(1)))
                .decide(MONTHLY, false, Optional.of(journal), facts(Set.of(OLD, NEW), consumersStale));

        assertThat(decision)
                .isEqualTo(new Blocked(RotationStepKind.REVOKE, "old key OLDK…0001 is still held by" + " consumers"));
        assertThat(((Blocked) decision).reason()).doesNotContain(OLD);
    }

    @Test
    void shouldNotRevokeWhenTheStoreNoLongerListsTheNewKey() {
        RotationJournal journal = completedThrough(RotationStepKind.WAIT_REVOKE_AFTER, T0);

        RotationDecision decision = planner(T0.plus(Duration.ofHours(1)))
                .decide(MONTHLY, false, Optional.of(journal), facts(Set.of(OLD), ALL_ON_NEW));

        assertThat(decision).isEqualTo(new Blocked(RotationStepKind.REVOKE, "the store does not list the new key"));
    }

    @Test
    void shouldWaitRevokeAfterFromTheProofWhenConsumersWereJustProven() {
        RotationJournal journal = completedThrough(RotationStepKind.PROVE_CONSUMERS, T0);
        Instant proven = journal.completedAt(RotationStepKind.PROVE_CONSUMERS).orElseThrow();
        Rotation quarterHour = new Rotation("720h", null, "15m", null, null, null);

        RotationDecision early = planner(proven.plusSeconds(60))
                .decide(quarterHour, false, Optional.of(journal), afterMint(RotationStepKind.PROVE_CONSUMERS));
        RotationDecision later = planner(proven.plus(Duration.ofMinutes(15)))
                .decide(quarterHour, false, Optional.of(journal), afterMint(RotationStepKind.PROVE_CONSUMERS));

        assertThat(early).isEqualTo(new Wait(RotationStepKind.WAIT_REVOKE_AFTER, proven.plus(Duration.ofMinutes(15))));
        assertThat(later).isEqualTo(new Resume(RotationStepKind.WAIT_REVOKE_AFTER, "revokeAfter has passed"));
    }

    @Test
    void shouldStayHaltedWithTheOldKeyWhenTheReadinessGateFailed() {
        RotationJournal journal = completedThrough(RotationStepKind.FORCE_SYNC, T0)
                .started(RotationStepKind.ROLL, T0)
                .halted("readiness gate: tempo-ingester not ready in 5m");

        RotationDecision decision = planner(T0.plus(Duration.ofDays(1)))
                .decide(MONTHLY, false, Optional.of(journal), facts(Set.of(OLD, NEW), Map.of("consumers", OLD)));

        assertThat(decision).isEqualTo(new Halted("readiness gate: tempo-ingester not ready in 5m"));
    }

    @Test
    void shouldHaltKeepingTheOldKeyWhenTheBindingHaltsBeforeTheVaultMoved() {
        RotationJournal journal =
                completedThrough(before(RotationStepKind.WRITE_VAULT), T0).started(RotationStepKind.WRITE_VAULT, T0);

        RotationDecision decision =
                planner(T0.plus(Duration.ofMinutes(5))).decide(MONTHLY, false, Optional.of(journal), haltedOnTheGate());

        assertThat(decision).isInstanceOf(Blocked.class);
        Blocked blocked = (Blocked) decision;
        assertThat(blocked.step()).isEqualTo(RotationStepKind.WRITE_VAULT);
        assertThat(blocked.reason())
                .contains("READINESS_GATE_FAILED", "the old key stays valid and nothing is revoked");
    }

    @ParameterizedTest
    @EnumSource(
            value = RotationStepKind.class,
            names = {"FORCE_SYNC", "AWAIT_REPLICA", "ROLL", "PROVE_CONSUMERS"})
    void shouldRollBackWhenTheBindingHaltsAfterTheVaultMovedBeforeConsumersAreProven(RotationStepKind step) {
        RotationJournal journal = completedThrough(before(step), T0).started(step, T0);

        RotationDecision decision =
                planner(T0.plus(Duration.ofMinutes(5))).decide(MONTHLY, false, Optional.of(journal), haltedOnTheGate());

        assertThat(decision).isEqualTo(new RollBack(step, "READINESS_GATE_FAILED"));
    }

    @Test
    void shouldHaltWithoutRollingBackTwiceWhenTheJournalRolledBackAlready() {
        RotationJournal journal = completedThrough(RotationStepKind.WRITE_VAULT, T0)
                .started(RotationStepKind.FORCE_SYNC, T0)
                .withRolledBack();

        RotationDecision decision =
                planner(T0.plus(Duration.ofMinutes(5))).decide(MONTHLY, false, Optional.of(journal), haltedOnTheGate());

        assertThat(decision).isInstanceOf(Blocked.class);
    }

    private static RotationFacts haltedOnTheGate() {
        return new RotationFacts(
                Capability.RGW_ADMIN_OPS,
                Optional.of(T0.minus(Duration.ofDays(31))),
                Set.of(OLD, NEW),
                Map.of("vault", NEW, "consumers", OLD),
                false,
                Optional.of("READINESS_GATE_FAILED"));
    }

    @Test
    void shouldGoOnRevokingWhenTheBindingHaltsAfterConsumersWereProven() {
        RotationJournal journal = completedThrough(RotationStepKind.PROVE_CONSUMERS, T0);
        RotationFacts halted = new RotationFacts(
                Capability.RGW_ADMIN_OPS,
                Optional.of(T0.minus(Duration.ofDays(31))),
                Set.of(OLD, NEW),
                ALL_ON_NEW,
                false,
                Optional.of("SOURCE_FLAPPING"));

        RotationDecision decision =
                planner(T0.plus(Duration.ofDays(1))).decide(MONTHLY, false, Optional.of(journal), halted);

        assertThat(decision).isEqualTo(new Resume(RotationStepKind.WAIT_REVOKE_AFTER, "revokeAfter has passed"));
    }

    // ---- when is a rotation due ------------------------------------------------------------------------------

    @Test
    void shouldSayWhenItIsDueWhenTheKeyIsYoungerThanEvery() {
        Instant since = T0.minus(Duration.ofDays(10));

        RotationDecision decision = planner(T0).decide(MONTHLY, false, Optional.empty(), idle(since));

        assertThat(decision).isEqualTo(new NotDue(since.plus(Duration.ofDays(30))));
    }

    @Test
    void shouldStartWhenTheKeyIsOlderThanEvery() {
        Instant since = T0.minus(Duration.ofDays(31));

        RotationDecision decision = planner(T0).decide(MONTHLY, false, Optional.empty(), idle(since));

        assertThat(decision).isEqualTo(new Due(since.plus(Duration.ofDays(30)), false));
    }

    @Test
    void shouldStartAtOnceWhenTheKeysAgeIsUnknown() {
        RotationDecision decision = planner(T0)
                .decide(
                        MONTHLY,
                        false,
                        Optional.empty(),
                        new RotationFacts(Capability.RGW_ADMIN_OPS, Optional.empty(), Set.of(OLD), Map.of(), false));

        assertThat(decision).isEqualTo(new Due(T0, false));
    }

    @Test
    void shouldWaitForTheWindowWhenDueOutsideIt() {
        // Sundays 02:00-05:00 in Berlin; T0 is Saturday 04:00 in Berlin
        Rotation sundays = new Rotation(
                "720h",
                new RotationWindow(List.of(Weekday.SUN), "02:00-05:00", "Europe/Berlin"),
                null,
                null,
                null,
                null);
        Instant since = T0.minus(Duration.ofDays(31));

        RotationDecision decision = planner(T0).decide(sundays, false, Optional.empty(), idle(since));
        RotationDecision inside =
                planner(Instant.parse("2026-12-06T02:30:00Z")).decide(sundays, false, Optional.empty(), idle(since));

        assertThat(decision)
                .isEqualTo(new OutsideWindow(since.plus(Duration.ofDays(30)), Instant.parse("2026-12-06T01:00:00Z")));
        assertThat(inside).isEqualTo(new Due(since.plus(Duration.ofDays(30)), false));
    }

    @Test
    void shouldStartOnDemandEvenOutsideTheWindowWhenRotateNowIsAsked() {
        Rotation sundays = new Rotation(
                "720h", new RotationWindow(List.of(Weekday.SUN), "02:00-05:00", null), null, null, null, null);
        RotationFacts asked = new RotationFacts(
                Capability.RGW_ADMIN_OPS, Optional.of(T0.minus(Duration.ofDays(1))), Set.of(OLD), Map.of(), true);

        RotationDecision decision = planner(T0).decide(sundays, false, Optional.empty(), asked);

        assertThat(decision).isEqualTo(new Due(T0, true));
    }

    @Test
    void shouldOnlyPublishThePlanWhenRotationOrBindingObserves() {
        Instant since = T0.minus(Duration.ofDays(31));
        Rotation observed = new Rotation("720h", null, null, null, RotationMode.OBSERVE, null);

        RotationDecision byRotation = planner(T0).decide(observed, false, Optional.empty(), idle(since));
        RotationDecision byBinding = planner(T0).decide(MONTHLY, true, Optional.empty(), idle(since));

        assertThat(byRotation)
                .isEqualTo(new ObserveOnly(since.plus(Duration.ofDays(30)), List.of(RotationStepKind.values())));
        assertThat(byBinding).isEqualTo(byRotation);
    }

    @Test
    void shouldCountFromTheLastRotationWhenTheJournalIsDone() {
        RotationJournal done = completedThrough(RotationStepKind.PROVE_OLD_REFUSED, T0);

        RotationDecision decision =
                planner(T0.plus(Duration.ofDays(1))).decide(MONTHLY, false, Optional.of(done), idle(T0));

        assertThat(decision).isEqualTo(new NotDue(T0.plus(Duration.ofDays(30))));
    }

    // ---- what cannot be rotated ------------------------------------------------------------------------------

    @Test
    void shouldRefuseWithTheReasonWhenARookUserHasNoSpecKeys() {
        RotationDecision decision = planner(T0)
                .decide(
                        MONTHLY,
                        false,
                        Optional.empty(),
                        new RotationFacts(
                                Capability.ROOK_WITHOUT_SPEC_KEYS, Optional.of(T0), Set.of(OLD), Map.of(), false));

        assertThat(decision).isInstanceOfSatisfying(Refuse.class, r -> {
            assertThat(r.reason()).isEqualTo(RefusalReason.ROOK_WITHOUT_SPEC_KEYS);
            assertThat(r.detail()).contains("spec.keys", "Rook 1.17");
        });
    }

    @Test
    void shouldReportTokensInsteadWhenTheBindingIsRoleBased() {
        RotationDecision decision = planner(T0)
                .decide(
                        MONTHLY,
                        false,
                        Optional.empty(),
                        new RotationFacts(Capability.ROLE_BASED, Optional.empty(), Set.of(), Map.of(), false));

        assertThat(decision)
                .isInstanceOfSatisfying(
                        Refuse.class, r -> assertThat(r.reason()).isEqualTo(RefusalReason.ROLE_BASED));
    }

    @Test
    void shouldNameTheTokenLifetimesWhenARoleBasedBindingAsksOnlyForMaxAge() {
        // the validator refuses every for web identity: maxAge is all such a binding can declare
        Rotation maxAgeOnly = new Rotation(null, null, null, "2160h", null, null);
        TokenLifetimes lifetimes = new TokenLifetimes(
                Optional.of(TokenLifetimes.IssuedKeys.of(T0, T0.plus(Duration.ofHours(1)))),
                List.of(new TokenLifetimes.PodToken("sts.amazonaws.com", Duration.ofHours(24))));
        RotationFacts facts = new RotationFacts(
                Capability.ROLE_BASED,
                Optional.of(T0),
                Set.of(),
                Map.of(),
                false,
                Optional.empty(),
                Optional.of(lifetimes));

        RotationDecision decision = planner(T0).decide(maxAgeOnly, false, Optional.empty(), facts);

        assertThat(decision).isInstanceOfSatisfying(Refuse.class, r -> {
            assertThat(r.reason()).isEqualTo(RefusalReason.ROLE_BASED);
            assertThat(r.detail()).isEqualTo("role-based binding: no static key to rotate; " + lifetimes.describe());
        });
    }

    @Test
    void shouldAlertOnAgeWithoutRotatingWhenCredriftCannotMint() {
        Rotation maxAgeOnly = new Rotation(null, null, null, "2160h", null, null);
        Instant since = T0.minus(Duration.ofDays(100));

        RotationDecision old = planner(T0)
                .decide(
                        maxAgeOnly,
                        false,
                        Optional.empty(),
                        new RotationFacts(Capability.NO_MINT, Optional.of(since), Set.of(OLD), Map.of(), false));
        RotationDecision young = planner(T0)
                .decide(
                        maxAgeOnly,
                        false,
                        Optional.empty(),
                        new RotationFacts(Capability.NO_MINT, Optional.of(T0), Set.of(OLD), Map.of(), false));

        assertThat(old).isEqualTo(new AgeAlert(Duration.ofDays(100), Duration.ofDays(90)));
        assertThat(young).isEqualTo(new NotDue(T0.plus(Duration.ofDays(90))));
    }

    // ---- fixtures ----------------------------------------------------------------------------------------------

    private static RotationPlanner planner(Instant now) {
        return new RotationPlanner(Clock.fixed(now, ZoneOffset.UTC));
    }

    private static RotationJournal opened() {
        return RotationJournal.open("rot-1", T0, OLD, Set.of(OLD));
    }

    /** Every step up to and including {@code last} started and completed, a minute apart. */
    private static RotationJournal completedThrough(RotationStepKind last, Instant start) {
        RotationJournal journal = opened();
        Instant at = start;
        for (RotationStepKind step : RotationStepKind.values()) {
            if (step.compareTo(last) > 0) {
                break;
            }
            journal = journal.started(step, at);
            at = at.plusSeconds(60);
            journal = step == RotationStepKind.MINT ? journal.minted(NEW, at) : journal.completed(step, at);
        }
        return journal;
    }

    /** The step before {@code step}; MINT has none and is not asked for. */
    private static RotationStepKind before(RotationStepKind step) {
        return RotationStepKind.values()[step.ordinal() - 1];
    }

    /** What the world looks like once {@code step} has run: both keys until the revoke, every hop on the new key. */
    private static RotationFacts afterMint(RotationStepKind step) {
        Set<String> keys = step.compareTo(RotationStepKind.REVOKE) >= 0 ? Set.of(NEW) : Set.of(OLD, NEW);
        return facts(keys, ALL_ON_NEW);
    }

    private static RotationFacts facts(Set<String> storeKeys, Map<String, String> heldBy) {
        return new RotationFacts(
                Capability.RGW_ADMIN_OPS, Optional.of(T0.minus(Duration.ofDays(31))), storeKeys, heldBy, false);
    }

    private static RotationFacts idle(Instant since) {
        return new RotationFacts(Capability.RGW_ADMIN_OPS, Optional.of(since), Set.of(OLD), Map.of(), false);
    }

    /** Every journal a rotation can leave after its mint: each step completed, or started and not completed. */
    private static List<RotationJournal> everyJournalAfterTheMint() {
        List<RotationJournal> journals = new ArrayList<>();
        for (RotationStepKind step : RotationStepKind.values()) {
            RotationJournal through = completedThrough(step, T0);
            if (!through.isDone()) {
                journals.add(through);
                through.last()
                        .flatMap(r -> r.step().next())
                        .ifPresent(next -> journals.add(through.started(next, T0.plusSeconds(3600))));
            }
        }
        return journals;
    }

    private static List<RotationFacts> worlds() {
        List<RotationFacts> worlds = new ArrayList<>();
        for (Set<String> keys :
                List.of(Set.of(OLD), Set.of(NEW), Set.of(OLD, NEW), Set.of(OLD, NEW, "X1"), Set.<String>of())) {
            for (Map<String, String> held : List.of(
                    Map.<String, String>of(),
                    ALL_ON_NEW,
                    Map.of("consumers", OLD),
                    Map.of("vault", OLD, "replica", OLD))) {
                worlds.add(facts(keys, held));
                worlds.add(new RotationFacts(Capability.RGW_ADMIN_OPS, Optional.empty(), keys, held, true));
            }
        }
        return worlds;
    }
}
