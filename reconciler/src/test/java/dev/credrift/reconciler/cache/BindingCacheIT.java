package dev.credrift.reconciler.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.credrift.api.validation.ValidationResult;
import dev.credrift.events.BindingId;
import dev.credrift.reconciler.report.StatusReport;
import dev.credrift.reconciler.report.StatusWriter;
import dev.credrift.reconciler.world.KubeGateway;
import dev.credrift.sandbox.kube.MockKubernetes;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The CredentialBinding from the caches (issue 13: no API read per handling): lookups and status writes that change
 * nothing cost no request, and a change of spec or annotations — not of status — wakes whoever handles it.
 */
class BindingCacheIT {

    private static final String AGENT = "credrift-cache-test";
    private static final BindingId ID = BindingId.of("apps", "loki-s3");

    private final MockKubernetes kube = MockKubernetes.start();
    private final KubernetesClient client = kube.client();
    private final KubernetesClient credrifts =
            kube.newClient(b -> b.editOrNewConfig().withUserAgent(AGENT).endConfig());
    private final InformerReads reads =
            new InformerReads(credrifts, KubeGateway.EXTERNAL_SECRETS, Duration.ofSeconds(20));

    @AfterEach
    void close() {
        reads.close();
        credrifts.close(); // before the mock server, whose shutdown waits for open watch connections
        kube.close();
    }

    @Test
    void shouldReadTheBindingFromTheCacheWithoutAnApiGetWhenItsNamespaceIsWatched() {
        create();
        reads.start(List.of(ID.namespace())).join();

        assertThat(reads.binding(ID))
                .hasValueSatisfying(b -> assertThat(b.getMetadata().getName()).isEqualTo(ID.name()));
        assertThat(reads.binding(BindingId.of("apps", "absent"))).isEmpty();
        assertThat(kube.requests().byResource(AGENT)).doesNotContainKey("GET credentialbindings");
    }

    @Test
    void shouldWakeOnAnnotationChangesButNotOnStatusWritesWhenABindingChanges() {
        List<BindingId> woken = new CopyOnWriteArrayList<>();
        StatusWriter status = reportedOnce(woken);
        StatusReport report = validReport();

        Map<String, Long> before = kube.requests().byResource(AGENT);
        assertThat(status.write(ID, report)).as("the same report again").isFalse();
        assertThat(kube.requests().byResource(AGENT))
                .as("a status that says the report already costs no request")
                .isEqualTo(before);

        client.genericKubernetesResources(KubeGateway.BINDINGS)
                .inNamespace(ID.namespace())
                .withName(ID.name())
                .edit(b -> {
                    b.getMetadata().setAnnotations(Map.of("credrift.dev/clear-halt", "please"));
                    return b;
                });
        await().atMost(Duration.ofSeconds(10)).until(() -> woken.contains(ID));
        assertThat(woken)
                .as("one wake for the annotation, none for credrift's status write")
                .containsExactly(ID);
    }

    @Test
    void shouldWakeWhenAnotherWriterReplacedTheWholeStatusAndCredriftsReportWithIt() {
        List<BindingId> woken = new CopyOnWriteArrayList<>();
        reportedOnce(woken);
        assertThat(woken).as("credrift's own status write wakes nothing").isEmpty();

        // what the watcher's Valid writer does when its fresh read came before credrift's first status write
        client.genericKubernetesResources(KubeGateway.BINDINGS)
                .inNamespace(ID.namespace())
                .withName(ID.name())
                .subresource("status")
                .patch(
                        PatchContext.of(PatchType.JSON),
                        "[{\"op\":\"add\",\"path\":\"/status\",\"value\":{\"conditions\":[{\"type\":\"Valid\","
                                + "\"status\":\"True\",\"reason\":\"SpecValid\",\"message\":\"\"}]}}]");

        await().atMost(Duration.ofSeconds(10)).until(() -> woken.contains(ID));
    }

    /** The binding created, its namespace watched (wakes into {@code woken}) and credrift's first report written. */
    private StatusWriter reportedOnce(List<BindingId> woken) {
        create();
        reads.onBindingChange(woken::add);
        reads.start(List.of(ID.namespace())).join();
        StatusWriter status = new StatusWriter(new KubeGateway(credrifts), reads, Clock.systemUTC());
        assertThat(status.write(ID, validReport()))
                .as("the first report is written")
                .isTrue();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> reads.binding(ID)
                        .map(b -> b.getAdditionalProperties().containsKey("status"))
                        .orElse(false));
        return status;
    }

    private static StatusReport validReport() {
        return new StatusReport(
                new ValidationResult(List.of()),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    private void create() {
        GenericKubernetesResource binding = new GenericKubernetesResource();
        binding.setApiVersion("credrift.dev/v1alpha1");
        binding.setKind("CredentialBinding");
        binding.setMetadata(new ObjectMetaBuilder()
                .withNamespace(ID.namespace())
                .withName(ID.name())
                .build());
        binding.setAdditionalProperty(
                "spec",
                Map.of(
                        "mode", "Observe",
                        "authority", "Source",
                        "source", Map.of("secret", Map.of("name", "loki-s3-source"))));
        client.genericKubernetesResources(KubeGateway.BINDINGS)
                .inNamespace(ID.namespace())
                .resource(binding)
                .create();
    }
}
