package dev.credrift.sandbox.onepassword;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ServerLeniencyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VAULT = "abcdefghijklmnopqrstuvwxyz";
    private final ServerLeniency leniency = new ServerLeniency(JSON);

    @Test
    void shouldDropOneTrailingSlashWhenTheSdkSendsIt() {
        assertThat(leniency.path("/v1/vaults/")).isEqualTo("/v1/vaults");
        assertThat(leniency.path("/v1/vaults/" + VAULT + "/items/")).isEqualTo("/v1/vaults/" + VAULT + "/items");
        assertThat(leniency.path("/v1/vaults")).isEqualTo("/v1/vaults");
        assertThat(leniency.path("/heartbeat")).isEqualTo("/heartbeat");
    }

    @Test
    void shouldGiveFieldsWithoutIdAnIdWhenAnItemIsCreatedOrReplaced() throws Exception {
        String body = "{\"vault\":{\"id\":\"" + VAULT + "\"},\"category\":\"LOGIN\",\"fields\":["
                + "{\"type\":\"STRING\",\"label\":\"user\"},{\"id\":\"keep\",\"type\":\"STRING\"}]}";

        JsonNode created = JSON.readTree(leniency.body("POST", "/v1/vaults/" + VAULT + "/items", body));
        JsonNode replaced = JSON.readTree(leniency.body("PUT", "/v1/vaults/" + VAULT + "/items/" + VAULT, body));

        for (JsonNode item : new JsonNode[] {created, replaced}) {
            assertThat(item.get("fields").get(0).get("id").asText()).matches("[a-z0-9]{26}");
            assertThat(item.get("fields").get(1).get("id").asText()).isEqualTo("keep");
        }
    }

    @Test
    void shouldLeaveOtherRequestsAloneWhenTheyAreNotItemWrites() {
        String body = "{\"fields\":[{\"type\":\"STRING\"}]}";

        assertThat(leniency.body("PATCH", "/v1/vaults/" + VAULT + "/items/" + VAULT, body))
                .isEqualTo(body);
        assertThat(leniency.body("POST", "/v1/vaults/" + VAULT + "/items/" + VAULT, body))
                .isEqualTo(body);
        assertThat(leniency.body("POST", "/v1/vaults/" + VAULT + "/items", "not json"))
                .isEqualTo("not json");
    }
}
