package dev.credrift.reconciler.handle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.events.payload.DriftClass;
import dev.credrift.reconciler.classify.Classification;
import dev.credrift.reconciler.classify.Classification.Cause;
import dev.credrift.reconciler.consume.Trigger;
import dev.credrift.reconciler.journal.LastVerdict;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Issue 12: which bindings are probed again on a timer, and when that probe asks the store instead of the cache. */
class StoreRecheckTest {

    private static final Instant NOW = Instant.parse("2026-12-07T14:00:00Z");
    private static final Duration EVERY = Duration.ofSeconds(30);

    private static Classification classified(DriftClass d) {
        return new Classification.Classified(d, "detail");
    }

    @Test
    void shouldRecheckWhenTheStoreRefusesTheAuthority() {
        assertThat(StoreRecheck.after(classified(DriftClass.AUTHORITY_REJECTED), EVERY, 0.0))
                .contains(EVERY);
    }

    @Test
    void shouldRecheckWhenTheStoreLacksTheAccount() {
        assertThat(StoreRecheck.after(classified(DriftClass.STORE_MISSING_ACCOUNT), EVERY, 0.0))
                .contains(EVERY);
    }

    @Test
    void shouldTakeAtMostAFifthOffWhenJittered() {
        assertThat(StoreRecheck.after(classified(DriftClass.AUTHORITY_REJECTED), EVERY, 0.999))
                .hasValueSatisfying(
                        d -> assertThat(d).isGreaterThan(Duration.ofSeconds(24)).isLessThan(Duration.ofMillis(24_100)));
    }

    @Test
    void shouldNotRecheckWhenAKubernetesObservationWouldTellTheChange() {
        assertThat(StoreRecheck.after(classified(DriftClass.IN_SYNC), EVERY, 0.0))
                .isEmpty();
        assertThat(StoreRecheck.after(classified(DriftClass.VAULT_STALE), EVERY, 0.0))
                .isEmpty();
        assertThat(StoreRecheck.after(new Classification.Undetermined(Cause.AUTHORITY_UNREADABLE, "x"), EVERY, 0.0))
                .isEmpty();
    }

    @Test
    void shouldBypassTheProbeCacheWhenTheTimerOfARefusedBindingFires() {
        LastVerdict rejected = new LastVerdict("AUTHORITY_REJECTED", "a|b|c|-", NOW.minusSeconds(30));

        assertThat(StoreRecheck.evidenceAt(Trigger.TIMER, rejected, NOW)).isEqualTo(NOW);
    }

    @Test
    void shouldReuseCachedVerdictsWhenTheTimerOfAnInSyncBindingFires() {
        LastVerdict inSync = new LastVerdict("IN_SYNC", "a|b|c|-", NOW.minusSeconds(30));

        assertThat(StoreRecheck.evidenceAt(Trigger.TIMER, inSync, NOW)).isEqualTo(Instant.MIN);
        assertThat(StoreRecheck.evidenceAt(Trigger.TIMER, null, NOW)).isEqualTo(Instant.MIN);
        assertThat(StoreRecheck.evidenceAt(Trigger.STARTUP, inSync, NOW)).isEqualTo(Instant.MIN);
    }

    @Test
    void shouldBypassTheProbeCacheWhenAnObservationArrives() {
        assertThat(StoreRecheck.evidenceAt(Trigger.OBSERVATION, null, NOW)).isEqualTo(NOW);
    }
}
