package dev.credrift.reconciler.step;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ForceSyncValueTest {

    @Test
    void shouldUseTheEpochSecondWhenTheExternalSecretCarriesNoForceSync() {
        assertThat(ForceSyncStep.freshValue(Optional.empty(), 1_796_622_169L)).isEqualTo("1796622169");
    }

    @Test
    void shouldUseTheEpochSecondWhenTheExternalSecretCarriesAnOlderValue() {
        assertThat(ForceSyncStep.freshValue(Optional.of("1796622100"), 1_796_622_169L))
                .isEqualTo("1796622169");
    }

    @Test
    void shouldWriteANewValueWhenAnotherRemediationAnnotatedInTheSameSecond() {
        assertThat(ForceSyncStep.freshValue(Optional.of("1796622169"), 1_796_622_169L))
                .isEqualTo("1796622170");
    }

    @Test
    void shouldWriteANewValueWhenTheAnnotationIsAheadOfTheClock() {
        assertThat(ForceSyncStep.freshValue(Optional.of("1796622175"), 1_796_622_169L))
                .isEqualTo("1796622176");
    }

    @Test
    void shouldIgnoreAValueThatIsNotANumberWhenAHumanWroteOne() {
        assertThat(ForceSyncStep.freshValue(Optional.of("now"), 1_796_622_169L)).isEqualTo("1796622169");
    }

    @Test
    void shouldReadTheForceSyncAnnotationWhenTheFreshExternalSecretCarriesOne() {
        GenericKubernetesResource es = new GenericKubernetesResource();
        es.setMetadata(new ObjectMetaBuilder().withName("tempo-s3").build());
        assertThat(ForceSyncStep.forceSyncOf(es)).isEmpty();
        es.getMetadata().setAnnotations(Map.of("force-sync", "1796622169", "other", "x"));
        assertThat(ForceSyncStep.forceSyncOf(es)).contains("1796622169");
    }
}
