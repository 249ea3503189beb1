package dev.credrift.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KubeCallsTest {

    private static final Set<Caller> BOTH = Set.of(Caller.WATCHER, Caller.RECONCILER);

    @Test
    void shouldExplainTheWatchersSecretInformerWhenItWatchesAcrossNamespaces() {
        ApiRequest watch = ApiRequest.parse("GET", "/api/v1/secrets?labelSelector=app%3Drook-ceph-rgw&watch=true");

        assertThat(KubeCalls.explain(watch, Set.of(Caller.WATCHER))).isPresent();
        assertThat(KubeCalls.explain(watch, Set.of(Caller.RECONCILER))).isEmpty();
    }

    @Test
    void shouldNotExplainACrossNamespaceListWhenTheCallIsPerNamespace() {
        ApiRequest pods = ApiRequest.parse("GET", "/api/v1/pods");

        assertThat(KubeCalls.explain(pods, BOTH)).isEmpty();
        assertThat(KubeCalls.explain(ApiRequest.parse("GET", "/api/v1/namespaces/m/pods"), BOTH))
                .isPresent();
    }

    @Test
    void shouldExplainSecretWritesOnlyForRotationWhenTheyTouchSecrets() {
        assertThat(KubeCalls.explain(ApiRequest.parse("PUT", "/api/v1/namespaces/m/secrets/loki"), BOTH))
                .as("PUT")
                .isEmpty();
        for (String method : List.of("POST", "DELETE", "PATCH")) {
            assertThat(KubeCalls.explain(ApiRequest.parse(method, "/api/v1/namespaces/m/secrets/loki"), BOTH))
                    .as(method + ": only managed rotation creates and deletes (its own key Secrets) and patches (a"
                            + " plain RGW user's source Secret)")
                    .hasValueSatisfying(call -> assertThat(call.feature()).isEqualTo(Feature.ROTATION));
        }
    }

    @Test
    void shouldExplainBothExternalSecretVersionsWhenForceSyncing() {
        assertThat(KubeCalls.explain(
                        ApiRequest.parse(
                                "PATCH", "/apis/external-secrets.io/v1beta1/namespaces/m/externalsecrets/loki"),
                        BOTH))
                .isPresent();
        assertThat(KubeCalls.explain(
                        ApiRequest.parse("PATCH", "/apis/external-secrets.io/v1/namespaces/m/externalsecrets/loki"),
                        BOTH))
                .isPresent();
        assertThat(KubeCalls.explain(
                        ApiRequest.parse("PATCH", "/apis/external-secrets.io/v2/namespaces/m/externalsecrets/loki"),
                        BOTH))
                .isEmpty();
    }

    @Test
    void shouldKeepServiceAccountTokensBehindWebIdentityWhenListingCoreCalls() {
        assertThat(KubeCalls.of(BOTH, Set.of(Feature.CORE)))
                .noneMatch(c -> c.rbacResource().equals("serviceaccounts/token"));
        assertThat(KubeCalls.of(BOTH, Set.of(Feature.WEB_IDENTITY)))
                .extracting(KubeCall::rbacResource)
                .containsExactly("serviceaccounts/token");
    }

    @Test
    void shouldGrantSecretWritesOnlyWhenRotationIsOn() {
        assertThat(KubeCalls.of(BOTH, EnumSet.complementOf(EnumSet.of(Feature.ROTATION))))
                .filteredOn(c -> c.resource().equals("secrets"))
                .allSatisfy(c -> assertThat(c.verbs()).isSubsetOf(Verb.GET, Verb.LIST, Verb.WATCH));
        assertThat(KubeCalls.of(BOTH, Set.of(Feature.ROTATION)))
                .allSatisfy(c -> assertThat(c.verbs()).isSubsetOf(Verb.CREATE, Verb.DELETE, Verb.PATCH))
                .extracting(KubeCall::rbacResource)
                .containsExactlyInAnyOrder("cephobjectstoreusers", "secrets");
    }
}
