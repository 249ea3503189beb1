package dev.credrift.reconciler.handle;

import static dev.credrift.reconciler.assess.AssessmentFixture.GATEWAY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.events.payload.AttentionRequired;
import dev.credrift.reconciler.assess.Assessment;
import dev.credrift.reconciler.assess.AssessmentFixture;
import dev.credrift.reconciler.classify.Classification;
import dev.credrift.reconciler.classify.Classification.Cause;
import dev.credrift.reconciler.classify.Classifier;
import dev.credrift.reconciler.journal.LastVerdict;
import dev.credrift.reconciler.world.RollBlocker;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The alert-dedup decision: one alert per state that leaves consumers broken, when the state is reached. */
class VerdictsTest {

    private static final Instant T0 = Instant.parse("2026-12-07T04:00:00Z");

    private final Classifier classifier = new Classifier();
    private final Assessment unreadableVault = AssessmentFixture.inSync().build();
    private final Classification vaultUnreadable = new Classification.Undetermined(
            Cause.VAULT_UNREADABLE,
            "1Password item 'loki-s3-config' in vault 'Infrastructure' has no field 'secret_key'");

    @Test
    void shouldAlertOnceWhenTheVaultBecomesUnreadable() {
        LastVerdict inSync = Verdicts.of(classifier.classify(unreadableVault), unreadableVault, T0);
        LastVerdict unreadable = Verdicts.of(vaultUnreadable, unreadableVault, T0.plusSeconds(1));

        assertThat(Verdicts.alertDue(inSync, unreadable, vaultUnreadable, unreadableVault))
                .hasValueSatisfying(a -> assertThat(a.reason()).isEqualTo(AttentionRequired.Reason.VAULT_UNREADABLE));
    }

    @Test
    void shouldNotAlertAgainWhenAResyncFindsTheSameState() {
        LastVerdict first = Verdicts.of(vaultUnreadable, unreadableVault, T0);
        LastVerdict resync = Verdicts.of(vaultUnreadable, unreadableVault, T0.plusSeconds(300));

        assertThat(Verdicts.alertDue(first, resync, vaultUnreadable, unreadableVault))
                .isEmpty();
    }

    @Test
    void shouldAlertWhenAWorkloadWithStalePodsIsPausedThoughTheDriftClassStaysTheSame() {
        Assessment staleRunning = AssessmentFixture.inSync()
                .consumer(GATEWAY, true, true, Optional.empty())
                .build();
        Assessment stalePaused = AssessmentFixture.inSync()
                .consumer(GATEWAY, true, true, Optional.of(RollBlocker.paused(GATEWAY)))
                .build();
        Classification running = classifier.classify(staleRunning);
        Classification paused = classifier.classify(stalePaused);
        LastVerdict before = Verdicts.of(running, staleRunning, T0);
        LastVerdict after = Verdicts.of(paused, stalePaused, T0.plusSeconds(1));

        assertThat(Verdicts.code(running)).isEqualTo(Verdicts.code(paused));
        assertThat(Verdicts.alertDue(before, after, paused, stalePaused))
                .hasValueSatisfying(a -> assertThat(a.reason()).isEqualTo(AttentionRequired.Reason.CONSUMER_PAUSED));
        assertThat(Verdicts.alertDue(after, Verdicts.of(paused, stalePaused, T0.plusSeconds(60)), paused, stalePaused))
                .isEmpty();
    }

    @Test
    void shouldNotAlertWhenTheNewStateLeavesNoConsumerBroken() {
        LastVerdict unreadable = Verdicts.of(vaultUnreadable, unreadableVault, T0);
        Classification inSync = classifier.classify(unreadableVault);

        assertThat(Verdicts.alertDue(
                        unreadable, Verdicts.of(inSync, unreadableVault, T0.plusSeconds(5)), inSync, unreadableVault))
                .isEmpty();
    }
}
