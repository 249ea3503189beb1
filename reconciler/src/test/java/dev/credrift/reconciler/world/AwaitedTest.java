package dev.credrift.reconciler.world;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.api.CredentialBinding;
import dev.credrift.api.spec.CredentialBindingSpec;
import dev.credrift.api.spec.WorkloadKind;
import dev.credrift.api.validation.ValidationResult;
import dev.credrift.events.BindingId;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class AwaitedTest {

    private static final String NS = "tracing";
    private static final WorkloadRef TEMPO = new WorkloadRef(WorkloadKind.STATEFUL_SET, NS, "tempo");

    private final Predicate<HasMetadata> consumers = Awaited.consumers(binding(), List.of(TEMPO));

    @Test
    void shouldWakeForTheWorkloadsPodsAndBarePodsWhenTheyChange() {
        assertThat(consumers.test(pod("tempo-0", owner("StatefulSet", "tempo", true))))
                .isTrue();
        assertThat(consumers.test(pod("debug", null))).isTrue(); // a workload's selector may pick it
        assertThat(consumers.test(pod("annotated", owner("ConfigMap", "notes", false))))
                .isTrue();
    }

    @Test
    void shouldNotWakeWhenPodsOfAJobOrAnotherWorkloadChange() {
        assertThat(consumers.test(pod("backup-28391-x7k", owner("Job", "backup-28391", true))))
                .isFalse();
        assertThat(consumers.test(pod("loki-0", owner("StatefulSet", "loki", true))))
                .isFalse();
    }

    private static Pod pod(String name, OwnerReference owner) {
        return new PodBuilder()
                .withNewMetadata()
                .withNamespace(NS)
                .withName(name)
                .withOwnerReferences(owner == null ? List.of() : List.of(owner))
                .endMetadata()
                .build();
    }

    private static OwnerReference owner(String kind, String name, boolean controller) {
        return new OwnerReferenceBuilder()
                .withApiVersion("v1")
                .withKind(kind)
                .withName(name)
                .withUid(name)
                .withController(controller)
                .build();
    }

    private static BoundBinding binding() {
        CredentialBinding resource = new CredentialBinding();
        resource.setSpec(new CredentialBindingSpec(null, null, null, null, null, List.of(), null, null));
        return new BoundBinding(new BindingId(NS, "tempo-s3"), resource, 1, Map.of(), new ValidationResult(List.of()));
    }
}
