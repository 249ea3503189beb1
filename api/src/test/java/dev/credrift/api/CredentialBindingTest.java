package dev.credrift.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.api.spec.AdminSecretRef;
import dev.credrift.api.spec.Authority;
import dev.credrift.api.spec.ConnectSecretRef;
import dev.credrift.api.spec.CredentialBindingSpec;
import dev.credrift.api.spec.Mode;
import dev.credrift.api.spec.RookObjectUserSource;
import dev.credrift.api.spec.SecretSource;
import dev.credrift.api.spec.WebIdentityProvider;
import dev.credrift.api.spec.WebIdentitySource;
import dev.credrift.api.spec.WorkloadKind;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.CustomResource;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class CredentialBindingTest {

    @Test
    void shouldCarryGroupVersionKindAndNamesWhenInstantiated() {
        CredentialBinding binding = new CredentialBinding();

        assertThat(binding.getApiVersion()).isEqualTo("credrift.dev/v1alpha1").isEqualTo(CredentialBinding.API_VERSION);
        assertThat(binding.getKind()).isEqualTo("CredentialBinding");
        assertThat(binding.getPlural()).isEqualTo("credentialbindings");
        assertThat(binding.getSingular()).isEqualTo("credentialbinding");
        assertThat(binding.getCRDName())
                .isEqualTo("credentialbindings.credrift.dev")
                .isEqualTo(CredentialBinding.CRD_NAME);
        assertThat(binding.getScope()).isEqualTo("Namespaced");
        assertThat(CustomResource.getShortNames(CredentialBinding.class)).containsExactly("cb", "credbinding");
    }

    @Test
    void shouldFormBindingIdFromNamespaceAndNameWhenMetadataIsSet() {
        CredentialBinding binding = new CredentialBinding();
        binding.setMetadata(new ObjectMetaBuilder()
                .withNamespace("monitoring")
                .withName("loki-s3")
                .build());

        assertThat(binding.bindingId()).isEqualTo("monitoring/loki-s3");
    }

    @Test
    void shouldNotReturnNullBindingIdWhenMetadataIsMissing() {
        CredentialBinding binding = new CredentialBinding();
        binding.setMetadata(null);

        assertThat(binding.bindingId()).isEqualTo("/");
    }

    @ParameterizedTest
    @FieldSource("dev.credrift.api.Examples#ALL")
    void shouldReadExampleIntoTheModelWhenParsedWithFabric8(String example) {
        CredentialBinding binding = Examples.binding(example);

        assertThat(binding.getKind()).isEqualTo(CredentialBinding.KIND);
        assertThat(binding.getMetadata().getNamespace()).isNotBlank();
        assertThat(binding.getSpec().source().selected()).isPresent();
        assertThat(binding.getSpec().store().bucket()).isNotBlank();
    }

    @ParameterizedTest
    @FieldSource("dev.credrift.api.Examples#ALL")
    void shouldReadBackEqualModelWhenExampleIsSerialisedToYaml(String example) {
        CredentialBinding binding = Examples.binding(example);

        CredentialBinding again =
                Examples.SERIALIZATION.unmarshal(Examples.SERIALIZATION.asYaml(binding), CredentialBinding.class);

        assertThat(again.getSpec()).isEqualTo(binding.getSpec());
        assertThat(again.bindingId()).isEqualTo(binding.bindingId());
    }

    @Test
    void shouldApplyCrdDefaultsWhenFieldsAreAbsent() {
        CredentialBinding binding = Examples.SERIALIZATION.unmarshal("""
                apiVersion: credrift.dev/v1alpha1
                kind: CredentialBinding
                metadata: {name: minimal, namespace: monitoring}
                spec:
                  source: {secret: {name: s3-keys}}
                  vault: {onePassword: {vault: V, item: I, fields: {accessKeyId: a, secretAccessKey: b},
                          connectSecretRef: {name: connect}}}
                  store: {endpoint: 'https://s3.example', bucket: logs, tls: {}}
                """, CredentialBinding.class);

        CredentialBindingSpec spec = binding.getSpec();
        assertThat(spec.mode()).isEqualTo(Mode.REMEDIATE);
        assertThat(spec.authority()).isEqualTo(Authority.SOURCE);
        assertThat(spec.consumers()).isEmpty();
        assertThat(spec.rollout().maxPerHour()).isEqualTo(3);
        assertThat(spec.rollout().readinessTimeout()).isEqualTo("5m");
        assertThat(spec.rollout().readinessTimeoutDuration()).contains(Duration.ofMinutes(5));
        assertThat(spec.source().secret())
                .isEqualTo(new SecretSource(null, "s3-keys", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"));
        assertThat(spec.vault().onePassword().connectSecretRef())
                .isEqualTo(new ConnectSecretRef("connect", null, "host", "token"));
        assertThat(spec.store().tls().caKey()).isEqualTo("ca.crt");
        assertThat(spec.store().tls().insecureSkipVerify()).isFalse();
        assertThat(new AdminSecretRef("root", null, null, null).accessKeyKey()).isEqualTo("rootUser");
    }

    @Test
    void shouldReadUnknownSpellingsAsUnrecognizedWhenEnumsAreGarbage() {
        CredentialBinding binding = Examples.SERIALIZATION.unmarshal("""
                apiVersion: credrift.dev/v1alpha1
                kind: CredentialBinding
                metadata: {name: odd, namespace: monitoring}
                spec:
                  mode: Heal
                  authority: vault
                  source: {webIdentity: {provider: gcp}}
                  consumers: [{kind: CronJob, name: x}, null]
                  store: {bucket: b}
                """, CredentialBinding.class);

        CredentialBindingSpec spec = binding.getSpec();
        assertThat(spec.mode()).isEqualTo(Mode.UNRECOGNIZED);
        assertThat(spec.authority()).isEqualTo(Authority.UNRECOGNIZED);
        assertThat(spec.source().webIdentity().provider()).isEqualTo(WebIdentityProvider.UNRECOGNIZED);
        assertThat(spec.consumers()).hasSize(2);
        assertThat(spec.consumers().get(0).kind()).isEqualTo(WorkloadKind.UNRECOGNIZED);
        assertThat(spec.consumers().get(1)).isNull();
    }

    @Test
    void shouldIgnoreUnknownFieldsWhenReadingANewerSpec() {
        CredentialBinding binding = Examples.SERIALIZATION.unmarshal("""
                apiVersion: credrift.dev/v1alpha1
                kind: CredentialBinding
                metadata: {name: newer, namespace: monitoring}
                spec:
                  futureField: 1
                  source: {rookObjectUser: {namespace: storage, store: s, user: u, quota: 3}}
                  store: {bucket: b}
                """, CredentialBinding.class);

        assertThat(binding.getSpec().source().selected()).contains(new RookObjectUserSource("storage", "s", "u"));
    }

    @Test
    void shouldNameTheRookSecretLikeRookWhenSourceIsAnObjectUser() {
        assertThat(new RookObjectUserSource("storage", "storage", "loki").secretName())
                .isEqualTo("rook-ceph-object-user-storage-loki");
    }

    @Test
    void shouldUseProviderDefaultsWhenWebIdentityNamesNoAudienceOrEndpoint() {
        WebIdentitySource aws = new WebIdentitySource(
                WebIdentityProvider.AWS, "arn:aws:iam::123456789012:role/r", null, "sa", null, null, null);
        WebIdentitySource alibaba = new WebIdentitySource(
                WebIdentityProvider.ALIBABA,
                "acs:ram::1:role/r",
                "acs:ram::1:oidc-provider/p",
                "sa",
                "custom",
                "https://sts.cn-hangzhou.aliyuncs.com",
                null);

        assertThat(aws.effectiveAudience()).isEqualTo("sts.amazonaws.com");
        assertThat(aws.effectiveStsEndpoint()).isEqualTo("https://sts.amazonaws.com");
        assertThat(alibaba.effectiveAudience()).isEqualTo("custom");
        assertThat(alibaba.effectiveStsEndpoint()).isEqualTo("https://sts.cn-hangzhou.aliyuncs.com");
    }
}
