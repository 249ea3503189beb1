package dev.credrift.notifier.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.events.credential.SecretValue;
import dev.credrift.notifier.SignatureVerifier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final String KEY = "whsec-planted-signing-key-0042";
    private static final Instant NOW = Instant.parse("2026-11-21T09:17:02Z");
    private static final byte[] BODY = "{\"specversion\":\"1.0\",\"id\":\"e-1\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void shouldBeVerifiedByAnIndependentImplementation() {
        String header = WebhookSignature.header(SecretValue.of(KEY), NOW.getEpochSecond(), BODY);

        assertThat(SignatureVerifier.verify(header, BODY, KEY, NOW, Duration.ofMinutes(5)))
                .isTrue();
    }

    @Test
    void shouldHaveTheStripeLikeShape() {
        String header = WebhookSignature.header(SecretValue.of(KEY), NOW.getEpochSecond(), BODY);

        assertThat(header).matches("t=" + NOW.getEpochSecond() + ",v1=[0-9a-f]{64}");
    }

    @Test
    void shouldMatchAKnownVector() {
        // HMAC-SHA256(key "key", "0.") computed independently (openssl dgst -sha256 -hmac key)
        String header = WebhookSignature.header(SecretValue.of("key"), 0, new byte[0]);

        assertThat(header).isEqualTo("t=0,v1=85841b4efc3cd7776c3c8f9b7cca9e281c550e5d19889d78e9e669c6337f000d");
    }

    @Test
    void shouldFailVerificationWhenTheBodyTheKeyOrTheTimeIsWrong() {
        String header = WebhookSignature.header(SecretValue.of(KEY), NOW.getEpochSecond(), BODY);
        byte[] tampered = "{\"specversion\":\"1.0\",\"id\":\"e-2\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(SignatureVerifier.verify(header, tampered, KEY, NOW, Duration.ofMinutes(5)))
                .isFalse();
        assertThat(SignatureVerifier.verify(header, BODY, KEY + "x", NOW, Duration.ofMinutes(5)))
                .isFalse();
        // replay protection: an old delivery is refused even though its signature is genuine
        assertThat(SignatureVerifier.verify(header, BODY, KEY, NOW.plus(Duration.ofMinutes(6)), Duration.ofMinutes(5)))
                .isFalse();
        // and the timestamp cannot be refreshed without the key
        String refreshed = header.replace(
                "t=" + NOW.getEpochSecond(), "t=" + NOW.plusSeconds(360).getEpochSecond());
        assertThat(SignatureVerifier.verify(refreshed, BODY, KEY, NOW.plusSeconds(360), Duration.ofMinutes(5)))
                .isFalse();
    }

    @Test
    void shouldNotContainTheKey() {
        assertThat(WebhookSignature.header(SecretValue.of(KEY), NOW.getEpochSecond(), BODY))
                .doesNotContain(KEY);
    }

    @Test
    void shouldKeepTheIdempotencyKeyStablePerEventAndSinkAndDistinctAcrossSinks() {
        assertThat(IdempotencyKey.of("hook", "e-1"))
                .isEqualTo(IdempotencyKey.of("hook", "e-1"))
                .matches("[0-9a-f]{32}");
        assertThat(IdempotencyKey.of("hook", "e-1"))
                .isNotEqualTo(IdempotencyKey.of("hook", "e-2"))
                .isNotEqualTo(IdempotencyKey.of("slack", "e-1"));
        // the separator keeps ("a", "bc") and ("ab", "c") apart
        assertThat(IdempotencyKey.of("a", "bc")).isNotEqualTo(IdempotencyKey.of("ab", "c"));
    }
}
