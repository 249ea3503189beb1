package dev.credrift.connect.write;

import static dev.credrift.connect.write.ConnectFixture.ITEM;
import static dev.credrift.connect.write.ConnectFixture.VAULT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.credrift.connect.ConnectClientConfig;
import dev.credrift.connect.ConnectException;
import dev.credrift.connect.ItemRef;
import dev.credrift.events.credential.SecretValue;
import dev.credrift.sandbox.onepassword.Fault;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConnectErrorMappingIT {

    private static final String UNKNOWN_ID = "zzzzzzzzzzzzzzzzzzzzzzzzzz";

    @TempDir
    Path dir;

    private ConnectFixture world;
    private OnePasswordConnectClient client;
    private ItemRef item;

    @BeforeEach
    void start() {
        world = ConnectFixture.start(dir);
        client = world.client();
        item = client.locateItem(VAULT, ITEM);
    }

    @AfterEach
    void stop() {
        world.close();
    }

    static Stream<Arguments> injectedStatuses() {
        return Stream.of(
                Arguments.of(Fault.status(400), ConnectException.BadRequest.class, 400, false),
                Arguments.of(Fault.status(403), ConnectException.Forbidden.class, 403, false),
                Arguments.of(Fault.status(409), ConnectException.Conflict.class, 409, true),
                Arguments.of(Fault.rateLimited(Duration.ofSeconds(7)), ConnectException.RateLimited.class, 429, true),
                Arguments.of(Fault.serverError(), ConnectException.ServerError.class, 500, true),
                Arguments.of(Fault.status(503), ConnectException.ServerError.class, 503, true),
                Arguments.of(Fault.status(418), ConnectException.InvalidResponse.class, 418, false));
    }

    @ParameterizedTest(name = "{2} -> {1}")
    @MethodSource("injectedStatuses")
    void shouldMapStatusToItsTypeWhenConnectAnswersIt(
            Fault fault, Class<? extends ConnectException> type, int status, boolean retryable) {
        world.emulator.injectFault(fault, 1);

        assertThatThrownBy(() -> client.getItem(item)).isInstanceOfSatisfying(type, e -> {
            assertThat(e.httpStatus()).isEqualTo(status);
            assertThat(e.retryable()).isEqualTo(retryable);
            assertThat(e.target().itemId()).isEqualTo(item.id());
            assertThat(e.getMessage()).contains(ITEM).contains(VAULT);
        });
    }

    @Test
    void shouldCarryRetryAfterWhenRateLimited() {
        world.emulator.injectFault(Fault.rateLimited(Duration.ofSeconds(7)), 1);

        assertThatThrownBy(() -> client.getItem(item))
                .isInstanceOfSatisfying(
                        ConnectException.RateLimited.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(7)));
    }

    @Test
    void shouldMapVaultScopeDenialToForbidden() {
        world.emulator.denyVault(VAULT);

        assertThatThrownBy(() -> client.getItem(item))
                .isInstanceOfSatisfying(
                        ConnectException.Forbidden.class,
                        e -> assertThat(e.getMessage()).contains("not in scope"));
    }

    @Test
    void shouldThrowUnauthorizedWhenTokenIsWrong() {
        world.writeToken("not-the-token");

        assertThatThrownBy(() -> client.getItem(item))
                .isInstanceOfSatisfying(
                        ConnectException.Unauthorized.class,
                        e -> assertThat(e.getMessage())
                                .doesNotContain("not-the-token")
                                .doesNotContain(ConnectFixture.TOKEN));
    }

    @Test
    void shouldNameTheItemWhenItemNotFound() {
        ItemRef gone = new ItemRef(item.vault(), UNKNOWN_ID, "deleted-item", 1, null);

        assertThatThrownBy(() -> client.getItem(gone)).isInstanceOfSatisfying(ConnectException.NotFound.class, e -> {
            assertThat(e.missing()).isEqualTo(ConnectException.NotFound.Missing.ITEM);
            assertThat(e.httpStatus()).isEqualTo(404);
            assertThat(e.getMessage())
                    .contains("'deleted-item'")
                    .contains(UNKNOWN_ID)
                    .contains(VAULT);
        });
    }

    @Test
    void shouldNameTheVaultWhenVaultNotFound() {
        assertThatThrownBy(() -> client.getItem(UNKNOWN_ID, item.id()))
                .isInstanceOfSatisfying(
                        ConnectException.NotFound.class,
                        e -> assertThat(e.missing()).isEqualTo(ConnectException.NotFound.Missing.VAULT));
        assertThatThrownBy(() -> client.findVaultByName("Nowhere"))
                .isInstanceOfSatisfying(ConnectException.NotFound.class, e -> {
                    assertThat(e.missing()).isEqualTo(ConnectException.NotFound.Missing.VAULT);
                    assertThat(e.getMessage()).contains("vault 'Nowhere' not found");
                });
        assertThatThrownBy(() -> client.findItemByTitle(item.vault(), "no-such-item"))
                .isInstanceOfSatisfying(
                        ConnectException.NotFound.class,
                        e -> assertThat(e.missing()).isEqualTo(ConnectException.NotFound.Missing.ITEM));
    }

    @Test
    void shouldMapPatchFailureAndWriteNothingWhenPatchRejected() {
        world.emulator.injectFault("PATCH", Fault.status(409), 1);

        assertThatThrownBy(() -> client.patchFields(item, Map.of("secret_key", SecretValue.of("blocked-secret"))))
                .isInstanceOf(ConnectException.Conflict.class)
                .hasMessageNotContaining("blocked-secret");
        assertThat(world.emulator.readField(world.item, "secret_key").reveal()).isEqualTo(ConnectFixture.SECRET);
    }

    @Test
    void shouldThrowUnreachableTimeoutWhenConnectHangs() {
        world.emulator.injectFault(Fault.hang(), 1);
        OnePasswordConnectClient impatient = OnePasswordConnectClient.create(
                world.config().withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300)));

        assertThatThrownBy(() -> impatient.getItem(item))
                .isInstanceOfSatisfying(ConnectException.Unreachable.class, e -> {
                    assertThat(e.reason()).isEqualTo(ConnectException.Unreachable.Reason.TIMEOUT);
                    assertThat(e.retryable()).isTrue();
                });
    }

    @Test
    void shouldThrowUnreachableRefusedWhenNothingListens() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        OnePasswordConnectClient nowhere = OnePasswordConnectClient.create(
                ConnectClientConfig.of(URI.create("http://127.0.0.1:" + port), world.tokenFile));

        assertThatThrownBy(() -> nowhere.findVaultByName(VAULT))
                .isInstanceOfSatisfying(
                        ConnectException.Unreachable.class,
                        e -> assertThat(e.reason()).isEqualTo(ConnectException.Unreachable.Reason.CONNECTION_REFUSED));
    }
}
