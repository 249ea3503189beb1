package dev.credrift.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConnectClientConfigTest {

    private static final Path TOKEN = Path.of("/var/run/secrets/connect/token");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://connect:8080",
                "http://connect:8080/",
                "http://connect:8080/v1",
                "http://connect:8080/v1/"
            })
    void shouldNormaliseBaseUriWhenGivenWithOrWithoutV1(String uri) {
        assertThat(ConnectClientConfig.of(URI.create(uri), TOKEN).baseUri())
                .isEqualTo(URI.create("http://connect:8080"));
    }

    @Test
    void shouldKeepPathPrefixWhenConnectBehindAProxyPath() {
        assertThat(ConnectClientConfig.of(URI.create("https://proxy/connect/v1"), TOKEN)
                        .baseUri())
                .isEqualTo(URI.create("https://proxy/connect"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://connect", "connect:8080", "http://user:pw@connect", "http://connect?x=1"})
    void shouldRejectBaseUriWhenNotAPlainHttpUrl(String uri) {
        assertThatThrownBy(() -> ConnectClientConfig.of(URI.create(uri), TOKEN))
                .isInstanceOfSatisfying(
                        InvalidConnectConfig.class, e -> assertThat(e.setting()).isEqualTo("baseUri"))
                .hasMessageNotContaining("pw");
    }

    @Test
    void shouldRejectCaBundleWhenServerIsPlainHttp() {
        assertThatThrownBy(() -> ConnectClientConfig.of(URI.create("http://connect"), TOKEN)
                        .withCaBundle(Path.of("ca.crt")))
                .isInstanceOfSatisfying(
                        InvalidConnectConfig.class, e -> assertThat(e.setting()).isEqualTo("caBundle"));
    }

    @Test
    void shouldRejectTimeoutsWhenNotPositive() {
        assertThatThrownBy(() -> ConnectClientConfig.of(URI.create("http://connect"), TOKEN)
                        .withTimeouts(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(InvalidConnectConfig.class);
    }

    @Test
    void shouldRejectReadBackPolicyWhenBoundsInconsistent() {
        assertThatThrownBy(() -> new ReadBackPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO))
                .hasMessageContaining("maxAttempts");
        assertThatThrownBy(() ->
                        new ReadBackPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(5)))
                .hasMessageContaining("maxDelay");
    }

    @Test
    void shouldRejectLabelsWhenBlankOrTheSame() {
        assertThatThrownBy(() -> new CredentialFieldLabels("", "secret_key")).hasMessageContaining("accessKeyId");
        assertThatThrownBy(() -> new CredentialFieldLabels("key", "key")).hasMessageContaining("different");
    }
}
