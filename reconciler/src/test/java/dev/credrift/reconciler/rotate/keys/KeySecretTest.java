package dev.credrift.reconciler.rotate.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.credrift.api.CredentialBinding;
import dev.credrift.events.credential.Credential;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeySecretTest {

    private static final Credential KEY =
            Credential.of("TEMPOSA6NEWKEY000002", "tempo-new-secret-00000000000000000002");

    @Test
    void shouldReadBackTheStagedKeyWhenASecretCredriftWroteIsFound() {
        Secret staged = KeySecret.of(
                "monitoring",
                KeySecret.name("tempo-s3", "9F8E7D6C-0000-4000-8000-000000000000"),
                "9F8E7D6C-0000-4000-8000-000000000000",
                Map.of("credrift.dev/binding", "tempo-s3"),
                binding(),
                KEY);

        assertThat(staged.getMetadata().getName()).isEqualTo("credrift-tempo-s3-9f8e7d6c");
        assertThat(staged.getMetadata().getLabels())
                .containsEntry("app.kubernetes.io/managed-by", "credrift")
                .containsEntry("credrift.dev/binding", "tempo-s3")
                .containsEntry("credrift.dev/rotation-id", "9F8E7D6C-0000-4000-8000-000000000000");
        assertThat(staged.getMetadata().getOwnerReferences()).singleElement().satisfies(o -> {
            assertThat(o.getKind()).isEqualTo("CredentialBinding");
            assertThat(o.getUid()).isEqualTo("uid-1");
        });
        assertThat(KeySecret.ownedByCredrift(staged)).isTrue();
        Credential back = KeySecret.credential(staged);
        assertThat(back.accessKeyId()).isEqualTo(KEY.accessKeyId());
        assertThat(back.secret().reveal()).isEqualTo(KEY.secret().reveal());
    }

    @Test
    void shouldNotCountAsCredriftsWhenTheSecretLacksTheLabel() {
        Secret someone = new SecretBuilder()
                .withNewMetadata()
                .withName("credrift-tempo-s3-9f8e7d6c")
                .withNamespace("monitoring")
                .endMetadata()
                .build();

        assertThat(KeySecret.ownedByCredrift(someone)).isFalse();
    }

    @Test
    void shouldNameTheSecretAndTheDataKeyButNoValueWhenTheSecretIsIncomplete() {
        Secret half = new SecretBuilder()
                .withNewMetadata()
                .withName("credrift-tempo-s3-9f8e7d6c")
                .withNamespace("monitoring")
                .endMetadata()
                .addToData(KeySecret.ACCESS_KEY, "VEVNUE9TQTZORVdLRVkwMDAwMDI=")
                .build();

        assertThatThrownBy(() -> KeySecret.credential(half))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Secret monitoring/credrift-tempo-s3-9f8e7d6c has no SecretKey");
    }

    private static CredentialBinding binding() {
        CredentialBinding binding = new CredentialBinding();
        binding.setMetadata(new ObjectMetaBuilder()
                .withNamespace("monitoring")
                .withName("tempo-s3")
                .withUid("uid-1")
                .build());
        return binding;
    }
}
