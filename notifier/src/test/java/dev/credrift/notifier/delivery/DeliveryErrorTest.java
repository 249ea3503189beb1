package dev.credrift.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.notifier.config.SinkTimeouts;
import io.vertx.core.http.HttpClosedException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeliveryErrorTest {

    private static final Instant NOW = Instant.parse("2026-11-21T09:17:02Z");

    @ParameterizedTest
    @CsvSource({
        "400, HTTP_4XX, false", "401, HTTP_4XX, false", "403, HTTP_4XX, false", "404, HTTP_4XX, false",
        "410, HTTP_4XX, false", "408, HTTP_408, true", "429, HTTP_429, true", "500, HTTP_5XX, true",
        "502, HTTP_5XX, true", "503, HTTP_5XX, true", "302, HTTP_UNEXPECTED, false"
    })
    void shouldRetryOnlyStatusesThatCanHealByWaiting(int status, DeliveryError.Code code, boolean retryable) {
        DeliveryError error = DeliveryError.ofStatus(status, null, NOW);

        assertThat(error.code()).isEqualTo(code);
        assertThat(error.retryable()).isEqualTo(retryable);
        assertThat(error.httpStatus()).isEqualTo(status);
    }

    @Test
    void shouldKeepRetryAfterOf429And503Only() {
        assertThat(DeliveryError.ofStatus(429, "7", NOW).retryAfter()).isEqualTo(Duration.ofSeconds(7));
        assertThat(DeliveryError.ofStatus(503, "7", NOW).retryAfter()).isEqualTo(Duration.ofSeconds(7));
        assertThat(DeliveryError.ofStatus(500, "7", NOW).retryAfter()).isNull();
        assertThat(DeliveryError.ofStatus(429, "7", NOW).detail())
                .isEqualTo("the sink answered HTTP 429 with Retry-After 7 s");
    }

    @Test
    void shouldClassifyNetworkFailuresWithoutTheirMessages() {
        SinkTimeouts timeouts = SinkTimeouts.DEFAULT;
        String url = "https://hooks.slack.com/services/T000/B000/planted-slack-token";

        assertThat(DeliveryError.ofThrowable(new TimeoutException(url), timeouts)
                        .code())
                .isEqualTo(DeliveryError.Code.TIMEOUT);
        assertThat(DeliveryError.ofThrowable(new ConnectException(url), timeouts)
                        .code())
                .isEqualTo(DeliveryError.Code.CONNECTION_REFUSED);
        assertThat(DeliveryError.ofThrowable(new RuntimeException(new UnknownHostException(url)), timeouts)
                        .code())
                .isEqualTo(DeliveryError.Code.UNKNOWN_HOST);
        DeliveryError tls = DeliveryError.ofThrowable(new SSLHandshakeException(url), timeouts);
        assertThat(tls.code()).isEqualTo(DeliveryError.Code.TLS_FAILURE);
        assertThat(tls.retryable()).isFalse();
        assertThat(DeliveryError.ofThrowable(new HttpClosedException(url), timeouts)
                        .code())
                .isEqualTo(DeliveryError.Code.CONNECTION_CLOSED);
        assertThat(DeliveryError.ofThrowable(new IOException("Connection reset by peer " + url), timeouts)
                        .code())
                .isEqualTo(DeliveryError.Code.CONNECTION_CLOSED);
        DeliveryError other = DeliveryError.ofThrowable(new IllegalStateException(url), timeouts);
        assertThat(other.code()).isEqualTo(DeliveryError.Code.IO_ERROR);
        for (Throwable t : new Throwable[] {
            new TimeoutException(url),
            new ConnectException(url),
            new SSLHandshakeException(url),
            new IllegalStateException(url)
        }) {
            assertThat(DeliveryError.ofThrowable(t, timeouts).detail())
                    .doesNotContain("planted-slack-token", "hooks.slack.com");
        }
    }
}
