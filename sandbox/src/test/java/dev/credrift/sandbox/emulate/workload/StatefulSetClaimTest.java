package dev.credrift.sandbox.emulate.workload;

import static dev.credrift.sandbox.emulate.workload.PodAdoptionTest.set;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatefulSetClaimTest {

    private static final Instant STARTED = Instant.parse("2026-12-07T10:15:30Z");

    @Test
    void shouldClaimAnOrphanWhenItsLabelsMatchAndItIsNamedAsAnOrdinal() {
        StatefulSet loki = set("loki");

        assertThat(StatefulSetController.claims(loki, RunningPods.ofStatefulSet(loki, 0, STARTED, true)))
                .isTrue();
        assertThat(StatefulSetController.claims(loki, RunningPods.ofStatefulSet(loki, 3, STARTED, false)))
                .isTrue();
    }

    @Test
    void shouldNotClaimAPodWhenAnotherControllerOwnsIt() {
        StatefulSet loki = set("loki");
        Pod owned = RunningPods.ofStatefulSet(loki, 0, STARTED, true);
        owned.getMetadata()
                .setOwnerReferences(List.of(new OwnerReferenceBuilder()
                        .withKind("StatefulSet")
                        .withName("loki")
                        .withUid("another-loki")
                        .withController(true)
                        .build()));

        assertThat(StatefulSetController.claims(loki, owned)).isFalse();
    }

    @Test
    void shouldNotClaimWhenTheLabelsTheNameOrTheNamespaceDiffer() {
        StatefulSet loki = set("loki");
        Pod otherLabels = RunningPods.ofStatefulSet(loki, 0, STARTED, true);
        otherLabels.getMetadata().getLabels().put("app", "tempo");
        Pod otherName = RunningPods.ofStatefulSet(loki, 0, STARTED, true);
        otherName.getMetadata().setName("loki-read-0");
        Pod otherNamespace = RunningPods.ofStatefulSet(loki, 0, STARTED, true);
        otherNamespace.getMetadata().setNamespace("logging");

        assertThat(StatefulSetController.claims(loki, otherLabels)).isFalse();
        assertThat(StatefulSetController.claims(loki, otherName)).isFalse();
        assertThat(StatefulSetController.claims(loki, otherNamespace)).isFalse();
    }

    @Test
    void shouldMakeAPodOfTheCurrentRevisionSoThatAdoptingItRollsNothing() {
        StatefulSet loki = set("loki");
        Pod pod = RunningPods.ofStatefulSet(loki, 1, STARTED, true);

        assertThat(StatefulSetController.revision(pod)).isEqualTo(StatefulSetController.updateRevision(loki));
        assertThat(pod.getMetadata().getLabels())
                .containsEntry("app", "loki")
                .containsEntry("statefulset.kubernetes.io/pod-name", "loki-1")
                .containsEntry("apps.kubernetes.io/pod-index", "1");
        assertThat(pod.getSpec().getHostname()).isEqualTo("loki-1");
        assertThat(pod.getSpec().getSubdomain()).isEqualTo("loki");

        loki.getSpec()
                .getTemplate()
                .getMetadata()
                .setAnnotations(Map.of("kubectl.kubernetes.io/restartedAt", STARTED.toString()));
        assertThat(StatefulSetController.revision(pod)).isNotEqualTo(StatefulSetController.updateRevision(loki));
    }

    @Test
    void shouldTellARefusalOnlyOnceWhenTheControllerKeepsHoldingARevisionBack() {
        RolloutLog log = new RolloutLog();
        WorkloadRef loki = WorkloadRef.statefulSet("monitoring", "loki");

        assertThat(log.wasRefused(loki)).isFalse();
        assertThat(log.refused(loki)).isTrue();
        assertThat(log.refused(loki)).isFalse();
        assertThat(log.wasRefused(loki)).isTrue();
        assertThat(log.wasRefused(WorkloadRef.statefulSet("monitoring", "tempo")))
                .isFalse();
    }
}
