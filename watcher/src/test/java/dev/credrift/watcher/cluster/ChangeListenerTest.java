package dev.credrift.watcher.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeListenerTest {

    private final List<String> secrets = new ArrayList<>();
    private final ChangeListener listener = new ChangeListener() {
        @Override
        public void bindingChanged(GenericKubernetesResource before, GenericKubernetesResource after) {}

        @Override
        public void secretChanged(String namespace, String name) {
            secrets.add(namespace + "/" + name);
        }

        @Override
        public void externalSecretChanged(String namespace, String name) {}

        @Override
        public void rookUserChanged(String namespace, String name) {}

        @Override
        public void podChanged(Pod before, Pod after) {}

        @Override
        public void lateInformerSynced() {}
    };

    @Test
    void shouldPassTheSecretsKeyWhenItHasNamespaceAndName() {
        listener.secretChanged(secret("storage", "rook-ceph-object-user-storage-loki"));

        assertThat(secrets).containsExactly("storage/rook-ceph-object-user-storage-loki");
    }

    @Test
    void shouldIgnoreTheEventWhenTheSecretHasNoNamespaceOrNoName() {
        listener.secretChanged(secret(null, "loki"));
        listener.secretChanged(secret("storage", null));
        listener.secretChanged(new Secret());
        listener.secretChanged((Secret) null);

        assertThat(secrets).isEmpty();
    }

    private static Secret secret(String namespace, String name) {
        return new SecretBuilder()
                .withNewMetadata()
                .withNamespace(namespace)
                .withName(name)
                .endMetadata()
                .build();
    }
}
