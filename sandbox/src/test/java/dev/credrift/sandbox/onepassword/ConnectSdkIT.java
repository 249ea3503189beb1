package dev.credrift.sandbox.onepassword;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The official 1Password Connect JS SDK ({@code @1password/connect} 1.4.2, installed from the npm registry into
 * {@code target/connect-sdk}) drives the emulator through every vault and item call it has
 * ({@code connect-sdk-calls.js}); each call must be answered as the SDK expects, and nothing the emulator answers may
 * break the spec. Skipped, saying so, where {@code node} or {@code npm} is not on the PATH.
 */
class ConnectSdkIT {

    private static final String SDK = "@1password/connect@1.4.2";
    private static final Path SDK_PREFIX = Path.of("target", "connect-sdk");
    private static final Duration NPM_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(2);
    private static final String TOKEN = "connect-token-PLANTED-sdk-9c1e";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYSDKPLANTED";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path node;

    private OnePasswordConnectEmulator emulator;

    @BeforeAll
    static void installSdk() throws Exception {
        Optional<Path> nodeBinary = onPath("node");
        Optional<Path> npm = onPath("npm");
        assumeTrue(
                nodeBinary.isPresent() && npm.isPresent(),
                "node and npm are not both on the PATH: the 1Password Connect SDK IT needs Node 20 and npm");
        node = nodeBinary.get();
        Path installed = SDK_PREFIX.resolve("node_modules/@1password/connect/package.json");
        if (!Files.exists(installed)
                || !JSON.readTree(installed.toFile()).path("version").asText().equals("1.4.2")) {
            Files.createDirectories(SDK_PREFIX);
            Run npmInstall = run(
                    List.of(
                            npm.get().toString(),
                            "install",
                            "--prefix",
                            SDK_PREFIX.toString(),
                            "--no-audit",
                            "--no-fund",
                            "--no-save",
                            SDK),
                    Map.of(),
                    NPM_TIMEOUT);
            assertThat(npmInstall.exitCode())
                    .as("npm install %s: %s", SDK, npmInstall.stderr())
                    .isZero();
        }
    }

    @BeforeEach
    void startEmulator() {
        emulator = OnePasswordConnectEmulator.builder().token(TOKEN).start();
        emulator.createVault("Infrastructure");
        emulator.createVault("Other");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("access_key", "AKIAIOSFODNN7EXAMPLE");
        fields.put("secret_key", SECRET);
        emulator.putItem("Infrastructure", "loki-s3-config", fields);
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    @Test
    void shouldAnswerEveryCallAsTheSdkExpectsWhenTheOfficialSdkDrivesTheEmulator() throws Exception {
        Run script = run(
                List.of(node.toString(), script().toString()),
                Map.of(
                        "OP_CONNECT_HOST", emulator.baseUri().toString(),
                        "OP_CONNECT_TOKEN", TOKEN,
                        "NODE_PATH",
                                SDK_PREFIX
                                        .resolve("node_modules")
                                        .toAbsolutePath()
                                        .toString()),
                SCRIPT_TIMEOUT);

        Map<String, JsonNode> calls = new LinkedHashMap<>();
        for (String line : script.stdout().split("\n")) {
            if (!line.isBlank()) {
                JsonNode result = JSON.readTree(line);
                calls.put(result.path("call").asText(), result);
            }
        }
        assertThat(script.exitCode())
                .as("node exit; stderr: %s; stdout: %s", script.stderr(), script.stdout())
                .isZero();
        assertThat(calls.keySet())
                .containsExactly(
                        "listVaults",
                        "getVaultByTitle",
                        "listVaultsByTitle",
                        "getVaultById",
                        "getVault(title)",
                        "getVaultByTitle(missing)",
                        "listItems",
                        "listItemsByTitle",
                        "listItemsByTitleContains",
                        "getItemById",
                        "getItemByTitle",
                        "getItem(title)",
                        "createItem(ItemBuilder)",
                        "updateItem(PUT)",
                        "updateItem(without vault)",
                        "listItemsByTitleContains(two)",
                        "deleteItemById",
                        "getItemById(deleted)",
                        "deleteItemByTitle",
                        "getItemByTitle(missing)");
        List<String> failed = calls.values().stream()
                .filter(c -> !c.path("ok").asBoolean())
                .map(JsonNode::toString)
                .toList();
        assertThat(failed).as("SDK calls not answered as the SDK expects").isEmpty();
        assertThat(calls.get("createItem(ItemBuilder)")
                        .path("detail")
                        .path("sections")
                        .get(0)
                        .asText())
                .isEqualTo("S3 endpoint");
        assertThat(calls.get("updateItem(PUT)").path("detail").path("version").asInt())
                .isEqualTo(2);

        emulator.assertResponsesFollowedSpec();
        // the one request the spec and the server both refuse: an item without its vault
        assertThat(emulator.specViolations()).singleElement().satisfies(v -> {
            assertThat(v.method()).isEqualTo("PUT");
            assertThat(v.status()).isEqualTo(400);
            assertThat(v.detail()).contains("vault");
        });
        assertThat(emulator.requests())
                .extracting(RecordedRequest::query)
                .contains("filter=title%20eq%20%22Infrastructure%22", "filter=title%20co%20%22s3-CON%22");
        assertThat(script.stdout() + script.stderr()).doesNotContain(TOKEN, SECRET, "sdk-created-secret-value");
    }

    @Test
    void shouldStillRefuseFiltersTheServerDoesNotKnowWhenSentRaw() {
        RawConnect http = new RawConnect(emulator);
        String vaultId = emulator.item("Infrastructure", "loki-s3-config").vaultId();
        String items = "/v1/vaults/" + vaultId + "/items";

        assertThat(http.get("/v1/vaults?filter=" + encode("name co \"Infra\"")).statusCode())
                .as("vaults: equality only")
                .isEqualTo(400);
        assertThat(http.get("/v1/vaults?filter=" + encode("id eq \"x\"")).statusCode())
                .isEqualTo(400);
        assertThat(http.get(items + "?filter=" + encode("label eq \"x\"")).statusCode())
                .isEqualTo(400);
        assertThat(http.get(items + "?filter=" + encode("title sw \"loki\"")).statusCode())
                .isEqualTo(400);
        assertThat(http.get(items + "?filter=" + encode("title eq \"a\" or tag eq \"b\""))
                        .statusCode())
                .isEqualTo(400);
        assertThat(http.get(items + "?filter=" + encode("tag eq \"none\"")).body())
                .isEqualTo("[]");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Path script() throws URISyntaxException {
        return Path.of(ConnectSdkIT.class.getResource("connect-sdk-calls.js").toURI());
    }

    private record Run(int exitCode, String stdout, String stderr) {}

    private static Run run(List<String> command, Map<String, String> environment, Duration timeout)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("connect-sdk-", ".out");
        Path err = Files.createTempFile("connect-sdk-", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            boolean finished = process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
            if (!finished) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            String stdout = Files.readString(out);
            String stderr = Files.readString(err);
            assertThat(finished)
                    .as("%s finished within %s; stderr: %s", command.get(0), timeout, stderr)
                    .isTrue();
            return new Run(process.exitValue(), stdout, stderr);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static Optional<Path> onPath(String command) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
