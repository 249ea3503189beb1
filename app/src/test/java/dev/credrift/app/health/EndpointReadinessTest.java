package dev.credrift.app.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class EndpointReadinessTest {

    private static final Instant NOW = Instant.parse("2026-12-07T05:00:00Z");
    private static final String URL = "https://127.0.0.1:6443/";

    @Test
    void shouldBeReadyWhenServerAnswers404() {
        assertThat(EndpointReadiness.fromStatus("kubernetes API", URL, 404, NOW))
                .isEqualTo(new Readiness.Ready(NOW));
    }

    @Test
    void shouldNameCredentialsWhenServerAnswers401() {
        assertThat(EndpointReadiness.fromStatus("kubernetes API", URL, 401, NOW))
                .isEqualTo(new Readiness.NotReady(
                        "kubernetes API at https://127.0.0.1:6443/ refused credrift's credentials (HTTP 401)", NOW));
    }

    @Test
    void shouldNameStatusWhenServerAnswers503() {
        assertThat(EndpointReadiness.fromStatus("kubernetes API", URL, 503, NOW))
                .isEqualTo(new Readiness.NotReady("kubernetes API at https://127.0.0.1:6443/ answered HTTP 503", NOW));
    }

    @Test
    void shouldNameInnermostCauseWhenConnectExceptionHasNoMessage() {
        // what the JDK HTTP client hands fabric8 for a closed port: a ConnectException with a null message
        ConnectException refused = new ConnectException();
        refused.initCause(new ConnectException("Connection refused"));
        Throwable wrapped = new CompletionException(new IOException("An error has occurred.", refused));

        Readiness readiness =
                EndpointReadiness.fromFailure("kubernetes API", URL, wrapped, Duration.ofSeconds(10), NOW);

        assertThat(readiness)
                .isEqualTo(new Readiness.NotReady(
                        "kubernetes API at https://127.0.0.1:6443/ unreachable: ConnectException: Connection refused",
                        NOW));
    }

    @Test
    void shouldNameTypeOnlyWhenNoExceptionInTheChainHasAMessage() {
        Throwable failure = new ConnectException();
        failure.initCause(new ClosedChannelException());

        assertThat(EndpointReadiness.fromFailure(
                        "1Password Connect", "http://op:8080/", failure, Duration.ofSeconds(5), NOW))
                .isEqualTo(new Readiness.NotReady(
                        "1Password Connect at http://op:8080/ unreachable: ConnectException, caused by ClosedChannelException",
                        NOW));
    }

    @Test
    void shouldNameTimeoutWhenNoAnswerCameInTime() {
        assertThat(EndpointReadiness.fromFailure(
                        "kubernetes API",
                        URL,
                        new CompletionException(new TimeoutException()),
                        Duration.ofSeconds(10),
                        NOW))
                .isEqualTo(new Readiness.NotReady(
                        "kubernetes API at https://127.0.0.1:6443/ did not answer within 10s", NOW));
    }
}
