package dev.credrift.sandbox.kube.front;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiscoveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Discovery discovery() throws Exception {
        return Discovery.of(JSON, JSON.readTree("""
                [{"spec": {"group": "external-secrets.io", "scope": "Namespaced",
                   "names": {"plural": "externalsecrets", "singular": "externalsecret", "kind": "ExternalSecret",
                             "shortNames": ["es"], "categories": ["external-secrets"]},
                   "versions": [
                     {"name": "v1", "served": true, "storage": true, "subresources": {"status": {}},
                      "additionalPrinterColumns": [{"name": "Ready", "type": "string",
                        "jsonPath": ".status.conditions[?(@.type==\\"Ready\\")].status"},
                        {"name": "Last Sync", "type": "date", "jsonPath": ".status.refreshTime"}]},
                     {"name": "v1beta1", "served": false, "storage": false}]}}]"""));
    }

    @Test
    void shouldListOnlyServedVersionsWhenACrdHasSeveral() throws Exception {
        JsonNode group = discovery().group("external-secrets.io").orElseThrow();
        assertThat(group.path("versions")).hasSize(1);
        assertThat(group.path("preferredVersion").path("groupVersion").asText()).isEqualTo("external-secrets.io/v1");
        assertThat(discovery().resources("external-secrets.io", "v1beta1")).isEmpty();
    }

    @Test
    void shouldDescribeTheResourceAndItsStatusWhenListingAGroupVersion() throws Exception {
        JsonNode resources =
                discovery().resources("external-secrets.io", "v1").orElseThrow().path("resources");
        assertThat(resources.get(0).path("name").asText()).isEqualTo("externalsecrets");
        assertThat(resources.get(0).path("namespaced").asBoolean()).isTrue();
        assertThat(resources.get(0).path("shortNames").get(0).asText()).isEqualTo("es");
        assertThat(resources.get(0).path("verbs").toString()).contains("watch", "patch");
        assertThat(resources.get(1).path("name").asText()).isEqualTo("externalsecrets/status");
    }

    @Test
    void shouldListBuiltinGroupsWhenAskedForAllGroups() throws Exception {
        assertThat(discovery().groups().path("groups").findValuesAsText("name"))
                .contains("apps", "events.k8s.io", "external-secrets.io")
                .doesNotContain("");
        assertThat(discovery()
                        .resources("", "v1")
                        .orElseThrow()
                        .path("resources")
                        .findValuesAsText("name"))
                .contains("pods", "secrets", "events", "namespaces");
    }

    @Test
    void shouldPrintTheCrdColumnsWhenMakingATable() throws Exception {
        ApiResource resource =
                discovery().find("external-secrets.io", "v1", "externalsecrets").orElseThrow();
        JsonNode object = JSON.readTree("""
                {"metadata": {"name": "loki-s3-credentials"}, "status": {"refreshTime": "2026-12-07T03:59:00Z",
                 "conditions": [{"type": "Ready", "status": "True"}]}}""");

        JsonNode table =
                new Tables(JSON).table(resource, List.of(object), "7", false, Instant.parse("2026-12-07T04:00:00Z"));

        assertThat(table.path("columnDefinitions").findValuesAsText("name"))
                .containsExactly("Name", "Ready", "Last Sync");
        assertThat(table.path("rows").get(0).path("cells").toString())
                .isEqualTo("[\"loki-s3-credentials\",\"True\",\"60s\"]");
        assertThat(table.path("rows").get(0).path("object").path("kind").asText())
                .isEqualTo("PartialObjectMetadata");
        assertThat(table.path("metadata").path("resourceVersion").asText()).isEqualTo("7");
    }
}
