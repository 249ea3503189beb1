package dev.credrift.reconciler.classify;

import static dev.credrift.reconciler.assess.AssessmentFixture.GATEWAY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.events.payload.AttentionRequired;
import dev.credrift.events.payload.DriftClass;
import dev.credrift.reconciler.assess.Assessment;
import dev.credrift.reconciler.assess.AssessmentFixture;
import dev.credrift.reconciler.assess.HopMatch;
import dev.credrift.reconciler.classify.Classification.Cause;
import dev.credrift.reconciler.world.RollBlocker;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AttentionTest {

    private final Classifier classifier = new Classifier();

    @ParameterizedTest
    @CsvSource({
        "AUTHORITY_UNREADABLE, AUTHORITY_UNREADABLE",
        "VAULT_UNREADABLE, VAULT_UNREADABLE",
        "REPLICA_UNREADABLE, REPLICA_UNREADABLE"
    })
    void shouldAskForAHumanWhenAHopCannotBeRead(Cause cause, AttentionRequired.Reason reason) {
        Classification c = new Classification.Undetermined(
                cause, "1Password item 'loki-s3-config' has no field" + " 'secret_key'");

        assertThat(Attention.of(c, AssessmentFixture.inSync().build())).hasValueSatisfying(a -> {
            assertThat(a.reason()).isEqualTo(reason);
            assertThat(a.detail()).contains("no field 'secret_key'");
        });
    }

    @Test
    void shouldNotAskForAHumanWhenConsumersAreOnlyStarting() {
        Classification c = new Classification.Undetermined(Cause.CONSUMERS_STARTING, "pod loki-0 not ready yet");

        assertThat(Attention.of(c, AssessmentFixture.inSync().build())).isEmpty();
    }

    @Test
    void shouldSayWhichWorkloadIsPausedAndWhatToDoWhenItsPodsAreStale() {
        Assessment a = AssessmentFixture.inSync()
                .consumer(GATEWAY, true, false, Optional.of(RollBlocker.paused(GATEWAY)))
                .build();
        Classification c = classifier.classify(a);

        assertThat(c).isInstanceOfSatisfying(Classification.Classified.class, classified -> {
            assertThat(classified.driftClass()).isEqualTo(DriftClass.CONSUMERS_STALE);
            assertThat(classified.detail())
                    .contains("CONSUMER_PAUSED: Deployment monitoring/loki-gateway is paused:"
                            + " not rolled; resume it or restart its pods");
        });
        assertThat(Attention.of(c, a)).hasValueSatisfying(attention -> {
            assertThat(attention.reason()).isEqualTo(AttentionRequired.Reason.CONSUMER_PAUSED);
            assertThat(attention.detail())
                    .isEqualTo("Deployment monitoring/loki-gateway is paused: not rolled;"
                            + " resume it or restart its pods");
        });
    }

    @Test
    void shouldLeaveAPausedConsumerToTheRemediationWhenAnotherHopIsStillStale() {
        Assessment a = AssessmentFixture.inSync()
                .vault(HopMatch.DIFFERS)
                .consumer(GATEWAY, true, true, Optional.of(RollBlocker.paused(GATEWAY)))
                .build();

        assertThat(Attention.of(classifier.classify(a), a)).isEmpty();
    }

    @Test
    void shouldNotAskForAHumanWhenAPausedWorkloadIsFresh() {
        Assessment a = AssessmentFixture.inSync()
                .consumer(GATEWAY, false, true, Optional.of(RollBlocker.paused(GATEWAY)))
                .build();

        assertThat(Attention.of(classifier.classify(a), a)).isEmpty();
    }

    @Test
    void shouldLeaveTheRejectedAuthorityAndTheUnsyncableReplicaToTheirDriftClass() {
        Assessment unsyncable = AssessmentFixture.inSync()
                .replica(HopMatch.DIFFERS)
                .forceSyncIgnored("refreshInterval is 0")
                .build();

        assertThat(classifier.classify(unsyncable))
                .isInstanceOfSatisfying(
                        Classification.Classified.class,
                        c -> assertThat(c.driftClass()).isEqualTo(DriftClass.REPLICA_UNSYNCABLE));
        assertThat(Attention.of(classifier.classify(unsyncable), unsyncable)).isEmpty();
    }
}
