package dev.credrift.connect.write;

import static dev.credrift.connect.write.ConnectFixture.VAULT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.connect.ConnectAnswer;
import dev.credrift.connect.ConnectClientConfig;
import dev.credrift.connect.HttpConnectReader;
import dev.credrift.events.payload.ProblemCode;
import dev.credrift.sandbox.onepassword.Fault;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watcher's raw reads over the shared transport (the read side; it lives beside the write tests for their
 * fixture): every answer is a typed result, never an exception, and no reason carries the token.
 */
class HttpConnectReaderIT {

    @TempDir
    Path dir;

    private ConnectFixture world;

    @BeforeEach
    void start() {
        world = ConnectFixture.start(dir);
    }

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    void shouldAnswerTheParsedBodyWhenConnectServesTheRequest() {
        try (HttpConnectReader reader = HttpConnectReader.create(world.config())) {
            ConnectAnswer answer = reader.get("/v1/vaults");

            assertThat(answer).isInstanceOf(ConnectAnswer.Ok.class);
            assertThat(((ConnectAnswer.Ok) answer).body().findValuesAsText("name"))
                    .contains(VAULT);
        }
    }

    @Test
    void shouldReportForbiddenThenUseTheNewTokenWhenTheTokenWasRotated() {
        try (HttpConnectReader reader = HttpConnectReader.create(world.config())) {
            world.emulator.rotateToken("rotated-token-of-another-length");

            assertThat(reader.get("/v1/vaults"))
                    .isEqualTo(new ConnectAnswer.Failed(401, ProblemCode.FORBIDDEN, "HTTP 401", Optional.empty()));

            world.writeToken("rotated-token-of-another-length");
            assertThat(reader.get("/v1/vaults")).isInstanceOf(ConnectAnswer.Ok.class);
        }
    }

    @Test
    void shouldReportRateLimitWithRetryAfterWhenConnectAnswers429() {
        world.emulator.injectFault(Fault.rateLimited(Duration.ofSeconds(7)), 1);
        try (HttpConnectReader reader = HttpConnectReader.create(world.config())) {
            ConnectAnswer answer = reader.get("/v1/vaults");

            assertThat(answer)
                    .isEqualTo(new ConnectAnswer.Failed(
                            429, ProblemCode.UNREACHABLE, "HTTP 429", Optional.of(Duration.ofSeconds(7))));
            assertThat(((ConnectAnswer.Failed) answer).backOff()).isTrue();
        }
    }

    @Test
    void shouldReportForbiddenNamingTheFileWhenTheTokenFileIsGone() throws IOException {
        Files.delete(world.tokenFile);
        try (HttpConnectReader reader = HttpConnectReader.create(world.config())) {
            assertThat(reader.get("/v1/vaults"))
                    .isEqualTo(new ConnectAnswer.Failed(
                            0,
                            ProblemCode.FORBIDDEN,
                            "Connect token file " + world.tokenFile + " does not exist",
                            Optional.empty()));
        }
        assertThat(world.emulator.requests()).isEmpty();
    }

    @Test
    void shouldReportNoAnswerWhenNothingListens() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        ConnectClientConfig nowhere = ConnectClientConfig.of(URI.create("http://127.0.0.1:" + closed), world.tokenFile);
        try (HttpConnectReader reader = HttpConnectReader.create(nowhere)) {
            ConnectAnswer answer = reader.get("/v1/vaults");

            assertThat(answer)
                    .isEqualTo(new ConnectAnswer.Failed(
                            0, ProblemCode.UNREACHABLE, "no answer (ConnectException)", Optional.empty()));
            assertThat(answer.toString()).doesNotContain(ConnectFixture.TOKEN);
        }
    }
}
