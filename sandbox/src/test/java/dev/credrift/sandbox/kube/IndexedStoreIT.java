package dev.credrift.sandbox.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The stand-in's store is indexed by kind, namespace and name: a request examines the objects it concerns, not the
 * world (counted by {@link MockKubernetes#objectsExamined()}), and answers as fabric8's scanning store did.
 */
class IndexedStoreIT {

    private static final int UNRELATED = 300;
    private static MockKubernetes kube;
    private static KubernetesClient client;

    @BeforeAll
    static void fillTheWorld() {
        kube = MockKubernetes.start();
        client = kube.client();
        for (int i = 0; i < UNRELATED; i++) {
            client.configMaps()
                    .inNamespace("elsewhere")
                    .resource(configMap("elsewhere", "noise-" + i, "noise"))
                    .create();
            client.secrets()
                    .inNamespace("mine")
                    .resource(new SecretBuilder()
                            .withNewMetadata()
                            .withName("secret-" + i)
                            .withNamespace("mine")
                            .endMetadata()
                            .build())
                    .create();
        }
        for (int i = 0; i < 3; i++) {
            client.configMaps()
                    .inNamespace("mine")
                    .resource(configMap("mine", "cm-" + i, i == 0 ? "a" : "b"))
                    .create();
        }
    }

    @AfterAll
    static void stop() {
        if (kube != null) {
            kube.close();
        }
    }

    @Test
    void shouldExamineOnlyTheNamedObjectWhenGettingOneAmongThousands() {
        long before = kube.objectsExamined();
        ConfigMap found =
                client.configMaps().inNamespace("mine").withName("cm-1").get();
        assertThat(found.getData()).containsEntry("value", "cm-1");
        assertThat(kube.objectsExamined() - before).isEqualTo(1);
    }

    @Test
    void shouldExamineOnlyTheNamespacesKindWhenListing() {
        long before = kube.objectsExamined();
        List<String> names = client.configMaps().inNamespace("mine").list().getItems().stream()
                .map(c -> c.getMetadata().getName())
                .toList();
        assertThat(names).containsExactly("cm-0", "cm-1", "cm-2");
        assertThat(kube.objectsExamined() - before).isEqualTo(3);
    }

    @Test
    void shouldSelectByLabelWithinTheNamespacesCandidatesWhenListingWithASelector() {
        long before = kube.objectsExamined();
        List<ConfigMap> labelled = client.configMaps()
                .inNamespace("mine")
                .withLabel("tier", "b")
                .list()
                .getItems();
        assertThat(labelled).extracting(c -> c.getMetadata().getName()).containsExactly("cm-1", "cm-2");
        assertThat(kube.objectsExamined() - before).isEqualTo(3);
    }

    @Test
    void shouldListEveryNamespaceWhenListingAcrossNamespaces() {
        assertThat(client.configMaps().inAnyNamespace().list().getItems()).hasSize(UNRELATED + 3);
        assertThat(client.secrets().inAnyNamespace().withLabel("tier").list().getItems())
                .isEmpty();
    }

    @Test
    void shouldAnswerNotFoundWhenTheNameIsAbsent() {
        long before = kube.objectsExamined();
        assertThat(client.configMaps().inNamespace("mine").withName("noise-1").get())
                .isNull();
        assertThat(kube.objectsExamined() - before).isZero();
    }

    @Test
    void shouldCountRequestsByVerbAndUserAgentWhenServing() {
        Map<RequestCounts.Verb, Long> before = kube.requests().snapshot("counted-client");
        try (KubernetesClient counted = kube.newClient(
                b -> b.editOrNewConfig().withUserAgent("counted-client/1").endConfig())) {
            counted.configMaps().inNamespace("mine").withName("cm-0").get();
            counted.configMaps().inNamespace("mine").list();
            counted.configMaps().inNamespace("mine").withName("cm-0").edit(c -> c);
        }
        client.configMaps().inNamespace("mine").list();
        Map<RequestCounts.Verb, Long> after = kube.requests().snapshot("counted-client");
        assertThat(after.get(RequestCounts.Verb.GET) - before.get(RequestCounts.Verb.GET))
                .isEqualTo(2);
        assertThat(after.get(RequestCounts.Verb.LIST) - before.get(RequestCounts.Verb.LIST))
                .isEqualTo(1);
        assertThat(kube.requests().snapshot().get(RequestCounts.Verb.LIST)).isGreaterThan(1);
    }

    @Test
    void shouldKeepWatchesPatchesAndDeletesWorkingWhenIndexed() {
        List<String> events = new CopyOnWriteArrayList<>();
        try (Watch watch = client.configMaps().inNamespace("watched").watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, ConfigMap resource) {
                events.add(action + " " + resource.getMetadata().getName() + " "
                        + resource.getData().getOrDefault("value", "-"));
            }

            @Override
            public void onClose(WatcherException cause) {
                // closed by the test
            }
        })) {
            client.configMaps()
                    .inNamespace("watched")
                    .resource(configMap("watched", "w", "a"))
                    .create();
            client.configMaps()
                    .inNamespace("watched")
                    .withName("w")
                    .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"data\":{\"value\":\"patched\"}}");
            assertThat(client.configMaps()
                            .inNamespace("watched")
                            .withName("w")
                            .get()
                            .getData())
                    .containsEntry("value", "patched");
            client.configMaps().inNamespace("watched").withName("w").delete();
            assertThat(client.configMaps().inNamespace("watched").withName("w").get())
                    .isNull();
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() ->
                            assertThat(events).containsExactly("ADDED w w", "MODIFIED w patched", "DELETED w patched"));
        }
        assertThat(client.configMaps().inNamespace("watched").list().getItems()).isEmpty();
    }

    private static ConfigMap configMap(String namespace, String name, String tier) {
        return new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .addToLabels("tier", tier)
                .endMetadata()
                .addToData("value", name)
                .build();
    }
}
