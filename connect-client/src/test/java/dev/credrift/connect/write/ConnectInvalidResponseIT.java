package dev.credrift.connect.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.credrift.connect.ConnectClientConfig;
import dev.credrift.connect.ConnectException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// A server that breaks the spec on purpose, which the emulator never does.
class ConnectInvalidResponseIT {

    private static final String VAULT_ID = "abcdefghijklmnopqrstuvwxyz";
    private static final String ITEM_ID = "zyxwvutsrqponmlkjihgfedcba";
    private static final String PLANTED = "PLANTED-SECRET-IN-BROKEN-BODY";

    @TempDir
    Path dir;

    private HttpServer server;
    private final AtomicReference<String> body = new AtomicReference<>();
    private OnePasswordConnectClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        Path token = Files.writeString(dir.resolve("token"), "t");
        client = OnePasswordConnectClient.create(ConnectClientConfig.of(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/"), token));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void shouldNameTheFieldWhenFieldIdMissing() {
        body.set(item("[{\"type\":\"CONCEALED\",\"label\":\"secret_key\",\"value\":\"" + PLANTED + "\"}]"));

        assertThatThrownBy(() -> client.getItem(VAULT_ID, ITEM_ID))
                .isInstanceOfSatisfying(ConnectException.InvalidResponse.class, e -> {
                    assertThat(e.field()).isEqualTo("item.fields[0].id");
                    assertThat(e.getMessage())
                            .contains("item.fields[0].id is missing")
                            .doesNotContain(PLANTED);
                });
    }

    @Test
    void shouldNameTheFieldWhenVersionIsNotAnInteger() {
        body.set("{\"id\":\"" + ITEM_ID + "\",\"vault\":{\"id\":\"" + VAULT_ID
                + "\"},\"category\":\"LOGIN\",\"version\":\"two\"}");

        assertThatThrownBy(() -> client.getItem(VAULT_ID, ITEM_ID))
                .isInstanceOfSatisfying(
                        ConnectException.InvalidResponse.class,
                        e -> assertThat(e.field()).isEqualTo("item.version"));
    }

    @Test
    void shouldNotQuoteTheBodyWhenItIsNotJson() {
        body.set("{\"fields\":[{\"value\":" + PLANTED + "}]}");

        assertThatThrownBy(() -> client.getItem(VAULT_ID, ITEM_ID))
                .isInstanceOfSatisfying(ConnectException.InvalidResponse.class, e -> {
                    assertThat(e.field()).isEqualTo("body");
                    assertThat(e.getMessage()).contains("is not JSON").doesNotContain(PLANTED);
                    assertThat(e.getCause()).isNull();
                });
    }

    @Test
    void shouldRefuseWhenServerAnswersAnotherItem() {
        body.set("{\"id\":\"" + "a".repeat(26) + "\",\"vault\":{\"id\":\"" + VAULT_ID
                + "\"},\"category\":\"LOGIN\",\"version\":1}");

        assertThatThrownBy(() -> client.getItem(VAULT_ID, ITEM_ID))
                .isInstanceOfSatisfying(
                        ConnectException.InvalidResponse.class,
                        e -> assertThat(e.field()).isEqualTo("item.id"));
    }

    @Test
    void shouldReportDuplicateLabelWhenTwoFieldsShareIt() {
        body.set(item("[{\"id\":\"a\",\"type\":\"STRING\",\"label\":\"secret_key\",\"value\":\"1\"},"
                + "{\"id\":\"b\",\"type\":\"STRING\",\"label\":\"secret_key\",\"value\":\"2\"}]"));

        assertThatThrownBy(() -> client.readFields(VAULT_ID, ITEM_ID, java.util.List.of("secret_key")))
                .isInstanceOfSatisfying(
                        ConnectException.FieldProblem.class,
                        e -> assertThat(e.problem()).isEqualTo(ConnectException.FieldProblem.Problem.DUPLICATE_LABEL));
    }

    private static String item(String fields) {
        return "{\"id\":\"" + ITEM_ID + "\",\"title\":\"t\",\"vault\":{\"id\":\"" + VAULT_ID
                + "\"},\"category\":\"LOGIN\"," + "\"version\":1,\"fields\":" + fields + "}";
    }
}
