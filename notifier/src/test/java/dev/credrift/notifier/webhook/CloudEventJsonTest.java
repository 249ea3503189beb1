package dev.credrift.notifier.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.credrift.events.CredriftEvent;
import dev.credrift.events.Fixtures;
import dev.credrift.events.payload.EventType;
import dev.credrift.notifier.Story;
import org.junit.jupiter.api.Test;

class CloudEventJsonTest {

    @Test
    void shouldWriteTheEventAsAStructuredCloudEventWithJsonData() throws Exception {
        CredriftEvent event = Story.healed().last();

        JsonNode json = new ObjectMapper().readTree(new CloudEventJson().write(event));

        assertThat(json.get("specversion").asText()).isEqualTo("1.0");
        assertThat(json.get("id").asText()).isEqualTo(event.id());
        assertThat(json.get("source").asText()).isEqualTo("urn:credrift:reconciler");
        assertThat(json.get("type").asText()).isEqualTo(EventType.REMEDIATION_SUCCEEDED.typeName());
        assertThat(json.get("subject").asText()).isEqualTo("monitoring/loki-s3");
        assertThat(json.get("dataschema").asText())
                .isEqualTo(EventType.REMEDIATION_SUCCEEDED.dataSchema().toString());
        assertThat(json.get("correlationid").asText()).isEqualTo(Story.REM);
        assertThat(json.get("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(json.get("data").isObject()).isTrue();
        // the data is exactly the payload the schema describes
        assertThat(Fixtures.validate(EventType.REMEDIATION_SUCCEEDED, json.get("data")))
                .isEmpty();
        assertThat(json.get("data").get("fingerprint").asText())
                .isEqualTo(Fixtures.fp(Fixtures.ROTATED).value());
    }

    @Test
    void shouldCarryTheAlertTextWhenConsumersAreLeftBroken() throws Exception {
        CredriftEvent event = Story.consumerPaused().last();

        JsonNode json = new ObjectMapper().readTree(new CloudEventJson().write(event));

        assertThat(json.get("type").asText()).isEqualTo("dev.credrift.drift.attention-required.v1");
        assertThat(json.get("data").get("reason").asText()).isEqualTo("CONSUMER_PAUSED");
        assertThat(json.get("data").get("detail").asText()).isEqualTo(Story.PAUSED);
    }

    @Test
    void shouldDeclareTheStructuredContentType() {
        assertThat(CloudEventJson.CONTENT_TYPE).startsWith("application/cloudevents+json");
    }
}
