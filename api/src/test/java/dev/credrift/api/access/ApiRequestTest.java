package dev.credrift.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiRequestTest {

    @Test
    void shouldReadAWatchWhenAnInformerWatchesAcrossNamespaces() {
        ApiRequest request = ApiRequest.parse(
                "GET",
                "/api/v1/secrets?labelSelector=app%3Drook-ceph-rgw&resourceVersion=12&allowWatchBookmarks=true&watch=true");

        assertThat(request.verb()).contains(Verb.WATCH);
        assertThat(request.group()).isEmpty();
        assertThat(request.version()).isEqualTo("v1");
        assertThat(request.resource()).contains("secrets");
        assertThat(request.namespace()).isEmpty();
        assertThat(request.name()).isEmpty();
    }

    @Test
    void shouldReadAListWhenACollectionIsReadInANamespace() {
        ApiRequest request = ApiRequest.parse("GET", "/api/v1/namespaces/monitoring/pods?fieldSelector=x");

        assertThat(request.verb()).contains(Verb.LIST);
        assertThat(request.namespace()).contains("monitoring");
        assertThat(request.resource()).contains("pods");
    }

    @Test
    void shouldReadASubresourcePatchWhenStatusIsWritten() {
        ApiRequest request = ApiRequest.parse(
                "PATCH", "/apis/credrift.dev/v1alpha1/namespaces/monitoring/credentialbindings/loki-s3/status");

        assertThat(request.verb()).contains(Verb.PATCH);
        assertThat(request.group()).isEqualTo("credrift.dev");
        assertThat(request.name()).contains("loki-s3");
        assertThat(request.subresource()).isEqualTo("status");
    }

    @Test
    void shouldReadCreateUpdateAndDeleteWhenMethodsSaySo() {
        assertThat(ApiRequest.parse("POST", "/apis/events.k8s.io/v1/namespaces/m/events")
                        .verb())
                .contains(Verb.CREATE);
        assertThat(ApiRequest.parse("PUT", "/apis/coordination.k8s.io/v1/namespaces/c/leases/w")
                        .verb())
                .contains(Verb.UPDATE);
        assertThat(ApiRequest.parse("DELETE", "/api/v1/namespaces/m/pods/loki-0")
                        .verb())
                .contains(Verb.DELETE);
        assertThat(ApiRequest.parse("DELETE", "/api/v1/namespaces/m/pods").verb())
                .isEmpty();
    }

    @Test
    void shouldReadNonResourceWhenThePathIsDiscovery() {
        ApiRequest request = ApiRequest.parse("GET", "/apis/external-secrets.io/v1");

        assertThat(request.nonResource()).isTrue();
        assertThat(request.resource()).isEqualTo(Optional.empty());
        assertThat(KubeCalls.isDiscovery(request)).isTrue();
        assertThat(ApiRequest.parse("GET", "/version").nonResource()).isTrue();
    }

    @Test
    void shouldReadTheNamespaceItselfWhenPathNamesOnlyANamespace() {
        ApiRequest request = ApiRequest.parse("GET", "/api/v1/namespaces/monitoring");

        assertThat(request.resource()).contains("namespaces");
        assertThat(request.name()).contains("monitoring");
        assertThat(request.namespace()).isEmpty();
    }
}
