package dev.credrift.sandbox.kube;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestCountsTest {

    @Test
    void shouldNameThePluralAndSubresourceWithoutNamespaceOrNameWhenGivenObjectPaths() {
        assertThat(RequestCounts.resource("/api/v1/namespaces/bench/pods")).isEqualTo("pods");
        assertThat(RequestCounts.resource("/api/v1/namespaces/bench/pods/app-1-x"))
                .isEqualTo("pods");
        assertThat(RequestCounts.resource("/api/v1/namespaces/bench/pods?labelSelector=a%3Db&watch=true"))
                .isEqualTo("pods");
        assertThat(RequestCounts.resource("/apis/apps/v1/namespaces/bench/deployments/app-1"))
                .isEqualTo("deployments");
        assertThat(RequestCounts.resource(
                        "/apis/credrift.dev/v1alpha1/namespaces/bench/credentialbindings/app-1-s3/status"))
                .isEqualTo("credentialbindings/status");
        assertThat(RequestCounts.resource("/apis/credrift.dev/v1alpha1/credentialbindings"))
                .isEqualTo("credentialbindings");
        assertThat(RequestCounts.resource("/api/v1/namespaces/bench")).isEqualTo("namespaces");
        assertThat(RequestCounts.resource("/api/v1/namespaces/bench/serviceaccounts/app/token"))
                .isEqualTo("serviceaccounts/token");
    }

    @Test
    void shouldKeepThePathWhenItIsNoObjectPath() {
        assertThat(RequestCounts.resource("/apis/apps/v1?timeout=32s")).isEqualTo("/apis/apps/v1");
        assertThat(RequestCounts.resource("/version")).isEqualTo("/version");
    }
}
