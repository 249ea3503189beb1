package dev.credrift.sandbox.onepassword;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OnePasswordConnectEmulatorIT {

    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYPLANTED";
    private static final String TOKEN = "connect-token-PLANTED-7f3a";
    private static final ObjectMapper JSON = new ObjectMapper();

    private OnePasswordConnectEmulator emulator;
    private RawConnect http;
    private ConnectVault vault;
    private ConnectItem item;

    @BeforeEach
    void startEmulator() {
        emulator = OnePasswordConnectEmulator.builder().token(TOKEN).start();
        http = new RawConnect(emulator);
        vault = emulator.createVault("Infrastructure");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("access_key", "AKIAIOSFODNN7EXAMPLE");
        fields.put("secret_key", SECRET);
        item = emulator.putItem("Infrastructure", "loki-s3-config", fields);
    }

    @AfterEach
    void stopEmulator() {
        try {
            emulator.assertResponsesFollowedSpec();
        } finally {
            emulator.close();
        }
    }

    @Test
    void shouldFindVaultAndItemWhenFilteredByNameAndTitle() throws Exception {
        JsonNode vaults = json(http.get("/v1/vaults?filter=" + encode("name eq \"Infrastructure\"")), 200);
        assertThat(vaults).hasSize(1);
        assertThat(vaults.get(0).get("id").asText()).isEqualTo(vault.id());

        JsonNode items = json(http.get(itemsPath() + "?filter=" + encode("title eq \"loki-s3-config\"")), 200);
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("id").asText()).isEqualTo(item.id());
        assertThat(items.get(0).has("fields")).as("item lists carry no fields").isFalse();

        assertThat(json(http.get(itemsPath() + "?filter=" + encode("title eq \"nope\"")), 200))
                .isEmpty();
    }

    @Test
    void shouldServeFullItemWithFieldsWhenFetchedById() throws Exception {
        JsonNode full = json(http.get(itemPath()), 200);
        assertThat(full.get("version").asInt()).isEqualTo(1);
        assertThat(full.get("vault").get("id").asText()).isEqualTo(vault.id());
        assertThat(full.get("fields"))
                .extracting(f -> f.get("label").asText())
                .containsExactly("access_key", "secret_key");
    }

    @Test
    void shouldAnswer401WithErrorResponseWhenTokenMissingOrWrong() throws Exception {
        http.token(null);
        HttpResponse<String> missing = http.get("/v1/vaults");
        http.token("wrong-token");
        HttpResponse<String> wrong = http.get("/v1/vaults");

        assertThat(json(missing, 401).get("status").asInt()).isEqualTo(401);
        assertThat(json(wrong, 401).get("message").asText()).isEqualTo("Invalid token signature");
        assertThat(missing.body() + wrong.body()).doesNotContain(TOKEN);
    }

    @Test
    void shouldAcceptOnlyNewTokenWhenRotated() {
        emulator.rotateToken("rotated-token");

        assertThat(http.get("/v1/vaults").statusCode()).isEqualTo(401);
        http.token("rotated-token");
        assertThat(http.get("/v1/vaults").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldAnswer404NamingTheIdWhenVaultOrItemUnknown() throws Exception {
        String unknown = "zzzzzzzzzzzzzzzzzzzzzzzzzz";
        JsonNode noVault = json(http.get("/v1/vaults/" + unknown + "/items"), 404);
        JsonNode noItem = json(http.get(itemsPath() + "/" + unknown), 404);

        assertThat(noVault.get("message").asText()).isEqualTo("vault " + unknown + " not found");
        assertThat(noItem.get("message").asText()).isEqualTo("item " + unknown + " not found");
    }

    @Test
    void shouldAnswer403WhenVaultOutOfTokenScope() throws Exception {
        emulator.denyVault("Infrastructure");

        assertThat(json(http.get(itemPath()), 403).get("message").asText()).contains("not in scope");
        assertThat(json(http.get("/v1/vaults"), 200)).isEmpty();
    }

    @Test
    void shouldApplyPatchAndKeepOtherFieldsWhenWholeFieldReplacedByLowercaseOp() throws Exception {
        emulator.editField(item, "access_key", "AKIAHUMANEDITED00001");
        String secretFieldId = fieldId("secret_key");
        String patch =
                "[{\"op\":\"replace\",\"path\":\"/fields/" + secretFieldId + "\",\"value\":{\"id\":\"" + secretFieldId
                        + "\",\"type\":\"CONCEALED\",\"purpose\":\"\",\"label\":\"secret_key\",\"value\":\"new-secret-1\"}}]";

        JsonNode patched = json(http.send("PATCH", itemPath(), patch), 200);

        assertThat(patched.get("version").asInt()).isEqualTo(3);
        assertThat(emulator.readField(item, "secret_key").reveal()).isEqualTo("new-secret-1");
        assertThat(emulator.readField(item, "access_key").reveal()).isEqualTo("AKIAHUMANEDITED00001");
        assertThat(emulator.snapshot(item).lastEditedBy()).isEqualTo(ConnectStore.API_EDITOR);
    }

    @Test
    void shouldRejectPatchWhenOpIsUppercaseAsOpconnectJavaSendsIt() throws Exception {
        String secretFieldId = fieldId("secret_key");
        String patch =
                "[{\"op\":\"REPLACE\",\"path\":\"/fields/" + secretFieldId + "\",\"value\":{\"id\":\"" + secretFieldId
                        + "\",\"type\":\"CONCEALED\",\"label\":\"secret_key\",\"value\":\"" + SECRET + "-next\"}}]";

        HttpResponse<String> response = http.send("PATCH", itemPath(), patch);

        assertThat(json(response, 400).get("message").asText()).contains("REPLACE");
        assertThat(response.body()).doesNotContain(SECRET);
        assertThat(emulator.snapshot(item).version()).isEqualTo(1);
        assertThat(emulator.specViolations()).singleElement().satisfies(v -> {
            assertThat(v.direction()).isEqualTo(SpecViolation.Direction.REQUEST);
            assertThat(v.keys()).contains("validation.request.body.schema.enum");
        });
    }

    @Test
    void shouldRejectPatchWhenBodyMissing() throws Exception {
        HttpResponse<String> response = http.send("PATCH", itemPath(), null);

        json(response, 400);
        assertThat(emulator.specViolations())
                .singleElement()
                .satisfies(v -> assertThat(v.keys()).containsExactly("validation.request.body.missing"));
    }

    @Test
    void shouldRejectPatchWhenValueIsStringAtFieldValuePath() throws Exception {
        String patch = "[{\"op\":\"replace\",\"path\":\"/fields/" + fieldId("secret_key") + "/value\",\"value\":\""
                + SECRET + "2\"}]";

        HttpResponse<String> response = http.send("PATCH", itemPath(), patch);

        json(response, 400);
        assertThat(response.body()).doesNotContain(SECRET);
        assertThat(emulator.readField(item, "secret_key").reveal()).isEqualTo(SECRET);
    }

    @Test
    void shouldRejectPatchWhenResultingItemBreaksTheSpec() throws Exception {
        // the spec's own example uses "type": "string"; Field.type only allows upper case
        String patch =
                "[{\"op\":\"add\",\"path\":\"/fields\",\"value\":{\"label\":\"note\",\"type\":\"string\",\"value\":\"PLANTED-NOTE\"}}]";

        HttpResponse<String> response = http.send("PATCH", itemPath(), patch);

        assertThat(json(response, 400).get("message").asText()).contains("would not follow");
        assertThat(response.body()).doesNotContain("PLANTED-NOTE");
        assertThat(emulator.snapshot(item).fields()).hasSize(2);
    }

    @Test
    void shouldLeaveItemUnmodifiedWhenPatchHasNoOperations() throws Exception {
        assertThat(json(http.send("PATCH", itemPath(), "[]"), 200)
                        .get("version")
                        .asInt())
                .isEqualTo(1);
        assertThat(emulator.snapshot(item).version()).isEqualTo(1);
    }

    @Test
    void shouldRejectPatchWhenFieldIdUnknown() throws Exception {
        String patch =
                "[{\"op\":\"replace\",\"path\":\"/fields/nosuchfield\",\"value\":{\"id\":\"nosuchfield\",\"type\":\"STRING\"}}]";

        assertThat(json(http.send("PATCH", itemPath(), patch), 400)
                        .get("message")
                        .asText())
                .contains("nosuchfield");
    }

    @Test
    void shouldRejectRequestWhenQueryParameterUnknown() throws Exception {
        json(http.get("/v1/vaults?filtr=" + encode("name eq \"Infrastructure\"")), 400);
    }

    @Test
    void shouldRejectRequestWhenVaultIdBreaksThePattern() throws Exception {
        json(http.get("/v1/vaults/NOT-A-VAULT/items"), 400);
    }

    @Test
    void shouldCreateItemWhenPostedAndAnswer409WhenPutCarriesStaleVersion() throws Exception {
        String body = "{\"vault\":{\"id\":\"" + vault.id() + "\"},\"title\":\"tempo-s3\",\"category\":\"LOGIN\","
                + "\"fields\":[{\"id\":\"username\",\"type\":\"STRING\",\"purpose\":\"USERNAME\",\"label\":\"username\",\"value\":\"tempo\"}]}";
        JsonNode created = json(http.send("POST", itemsPath(), body), 200);
        String path = itemsPath() + "/" + created.get("id").asText();
        ObjectNode current = (ObjectNode) json(http.get(path), 200);
        emulator.editField(new ConnectItem(vault.id(), created.get("id").asText(), "tempo-s3"), "username", "tempo2");

        HttpResponse<String> stale = http.send("PUT", path, current.toString());

        assertThat(json(stale, 409).get("status").asInt()).isEqualTo(409);
    }

    @Test
    void shouldServePreviousVersionWhenReadWithinLagReads() throws Exception {
        emulator.readAfterWriteLag(ReadAfterWriteLag.forReads(2));
        emulator.editField(item, "secret_key", "after-edit");

        assertThat(json(http.get(itemPath()), 200).get("version").asInt()).isEqualTo(1);
        assertThat(json(http.get(itemPath()), 200).get("version").asInt()).isEqualTo(1);
        assertThat(json(http.get(itemPath()), 200).get("version").asInt()).isEqualTo(2);
    }

    @Test
    void shouldAnswerInjectedFaultsThenRecoverWhenTheyWearOut() throws Exception {
        emulator.injectFault(Fault.rateLimited(Duration.ofSeconds(7)), 1);
        emulator.injectFault("PATCH", Fault.serverError(), 1);

        HttpResponse<String> limited = http.get(itemPath());
        assertThat(json(limited, 429).get("status").asInt()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("7");
        json(http.send("PATCH", itemPath(), "[]"), 500);
        json(http.get(itemPath()), 200);

        assertThat(emulator.requests()).extracting(RecordedRequest::status).containsExactly(429, 500, 200);
        assertThat(emulator.requests())
                .extracting(RecordedRequest::faultInjected)
                .containsExactly(true, true, false);
    }

    @Test
    void shouldAnswerLateInsideADelayWindowAndOnTimeAfterItWhenDelayInjected() {
        Instant now = Instant.now();
        emulator.injectFault("GET", Fault.delay(Duration.ofMillis(1500)), now, now.plusSeconds(30));

        assertThatThrownBy(() -> http.send("GET", itemPath(), null, Duration.ofMillis(300)))
                .as("a client with a shorter timeout times out")
                .isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(HttpTimeoutException.class);
        long started = System.nanoTime();
        HttpResponse<String> late = http.send("GET", itemPath(), null, Duration.ofSeconds(10));
        assertThat(late.statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
        assertThat(http.send("PUT", itemPath(), "{}", Duration.ofSeconds(2)).statusCode())
                .as("other methods are not delayed")
                .isEqualTo(400);

        emulator.clearFaults();
        assertThat(http.send("GET", itemPath(), null, Duration.ofMillis(800)).statusCode())
                .isEqualTo(200);
    }

    @Test
    void shouldLeaveRequestHangingWhenHangInjected() {
        emulator.injectFault(Fault.hang(), 1);

        assertThatThrownBy(() -> http.send("GET", itemPath(), null, Duration.ofMillis(300)))
                .isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(HttpTimeoutException.class);
        assertThat(emulator.requests())
                .singleElement()
                .satisfies(r -> assertThat(r.status()).isZero());
    }

    @Test
    void shouldLogMethodPathAndStatusButNoSecretWhenRequestsServed() {
        String secretFieldId = fieldId("secret_key");
        http.send(
                "PATCH",
                itemPath(),
                "[{\"op\":\"replace\",\"path\":\"/fields/" + secretFieldId + "\",\"value\":{\"id\":\"" + secretFieldId
                        + "\",\"type\":\"CONCEALED\",\"label\":\"secret_key\",\"value\":\"" + SECRET + "-v2\"}}]");

        assertThat(emulator.requests("PATCH")).singleElement().satisfies(r -> {
            assertThat(r.path()).isEqualTo(itemPath());
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.isWrite()).isTrue();
        });
        assertThat(emulator.requests().toString() + emulator.snapshot(item) + emulator.token())
                .doesNotContain(SECRET)
                .doesNotContain(TOKEN);
    }

    @Test
    void shouldServeHealthAndHeartbeatWithoutToken() throws Exception {
        http.token(null);

        assertThat(json(http.get("/health"), 200).get("name").asText()).isEqualTo("1Password Connect API");
        assertThat(http.send("GET", "/heartbeat", null, Duration.ofSeconds(5), "text/plain")
                        .body())
                .isEqualTo(".");
        assertThat(http.get("/heartbeat").statusCode())
                .as("JSON is not what /heartbeat serves")
                .isEqualTo(400);
    }

    private String fieldId(String label) {
        return emulator.snapshot(item).field(label).orElseThrow().id();
    }

    private String itemsPath() {
        return "/v1/vaults/" + vault.id() + "/items";
    }

    private String itemPath() {
        return itemsPath() + "/" + item.id();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static JsonNode json(HttpResponse<String> response, int expectedStatus) throws Exception {
        assertThat(response.statusCode())
                .as("status of %s: %s", response.uri(), response.body())
                .isEqualTo(expectedStatus);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/json"));
        return JSON.readTree(response.body());
    }
}
