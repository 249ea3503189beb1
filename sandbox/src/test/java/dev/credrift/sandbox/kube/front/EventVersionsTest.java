package dev.credrift.sandbox.kube.front;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class EventVersionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldServeCoreFieldsWhenAnEventsApiEventIsReadAsCoreV1() throws Exception {
        JsonNode posted = JSON.readTree("""
                {"apiVersion": "events.k8s.io/v1", "kind": "Event", "metadata": {"name": "e"},
                 "regarding": {"kind": "CredentialBinding", "name": "loki-s3", "uid": "u-1"},
                 "note": "stale", "reason": "VaultStale", "type": "Warning", "reportingController": "credrift",
                 "eventTime": "2026-12-07T04:00:00.000000Z", "deprecatedCount": 3}""");

        JsonNode core = EventVersions.as(EventVersions.CORE, posted);

        assertThat(core.path("apiVersion").asText()).isEqualTo("v1");
        assertThat(core.path("involvedObject").path("uid").asText()).isEqualTo("u-1");
        assertThat(core.path("message").asText()).isEqualTo("stale");
        assertThat(core.path("reportingComponent").asText()).isEqualTo("credrift");
        assertThat(core.path("count").asInt()).isEqualTo(3);
        assertThat(core.path("eventTime").asText()).isEqualTo("2026-12-07T04:00:00.000000Z");
        assertThat(core.has("regarding") || core.has("note")).isFalse();
    }

    @Test
    void shouldServeEventsApiFieldsWhenACoreEventIsReadAsEventsV1() throws Exception {
        JsonNode posted = JSON.readTree("""
                {"apiVersion": "v1", "kind": "Event", "metadata": {"name": "e"},
                 "involvedObject": {"kind": "Pod", "name": "loki-0"}, "message": "pulled",
                 "source": {"component": "kubelet"}, "firstTimestamp": "2026-12-07T04:00:00Z"}""");

        JsonNode events = EventVersions.as(EventVersions.EVENTS, posted);

        assertThat(events.path("apiVersion").asText()).isEqualTo("events.k8s.io/v1");
        assertThat(events.path("regarding").path("name").asText()).isEqualTo("loki-0");
        assertThat(events.path("note").asText()).isEqualTo("pulled");
        assertThat(events.path("deprecatedSource").path("component").asText()).isEqualTo("kubelet");
        assertThat(events.path("deprecatedFirstTimestamp").asText()).isEqualTo("2026-12-07T04:00:00Z");
    }

    @Test
    void shouldLeaveTheEventAsItIsWhenReadInItsOwnVersion() throws Exception {
        JsonNode posted = JSON.readTree("""
                {"apiVersion": "v1", "kind": "Event", "involvedObject": {"name": "x"}, "message": "m"}""");

        assertThat(EventVersions.as(EventVersions.CORE, posted)).isEqualTo(posted);
    }
}
