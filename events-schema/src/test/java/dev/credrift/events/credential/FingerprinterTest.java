package dev.credrift.events.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.credrift.events.ContractViolation;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class FingerprinterTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final Fingerprinter fingerprinter = new Fingerprinter(KEY);

    @Test
    void shouldMatchAnIndependentHmacWhenFingerprintingACredential() throws Exception {
        String accessKeyId = "AKIAIOSFODNN7EXAMPLE";
        String secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        byte[] message = (accessKeyId + "\0" + secret).getBytes(StandardCharsets.UTF_8);
        String expected =
                Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(mac.doFinal(message), 16));

        Fingerprint fingerprint = fingerprinter.fingerprint(Credential.of(accessKeyId, secret));

        assertThat(fingerprint.value()).isEqualTo(expected).hasSize(22);
    }

    @Test
    void shouldMatchARecordedValueWhenInputsAreFixed() {
        // pins the algorithm outside Java: printf 'tempo\0supersecret' | openssl dgst -sha256 -hmac KEY -binary
        //   | head -c16 | base64 | tr '+/' '-_' | tr -d '='
        Fingerprint fingerprint = fingerprinter.fingerprint(Credential.of("tempo", "supersecret"));

        assertThat(fingerprint).isEqualTo(new Fingerprint("xkONWEk0BZYw9Y_-yvQ70A"));
    }

    @Test
    void shouldDifferWhenTheSeparatorWouldOtherwiseBeAmbiguous() {
        assertThat(fingerprinter.fingerprint("ab", SecretValue.of("c")))
                .isNotEqualTo(fingerprinter.fingerprint("a", SecretValue.of("bc")));
    }

    @Test
    void shouldDifferWhenTheKeyDiffers() {
        Fingerprinter other = new Fingerprinter("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII));
        Credential credential = Credential.of("tempo", "supersecret");

        assertThat(other.fingerprint(credential)).isNotEqualTo(fingerprinter.fingerprint(credential));
    }

    @Test
    void shouldBeStableWhenTheSameCredentialIsFingerprintedTwice() {
        assertThat(fingerprinter.fingerprint(Credential.of("tempo", "supersecret")))
                .isEqualTo(fingerprinter.fingerprint(Credential.of("tempo", "supersecret")));
    }

    @Test
    void shouldExplainTheMinimumWhenTheKeyIsTooShort() {
        assertThatThrownBy(() -> new Fingerprinter(new byte[15]))
                .isInstanceOf(ContractViolation.class)
                .hasMessage("fingerprint key must be at least 16 bytes, got 15 bytes");
        assertThatThrownBy(() -> new Fingerprinter(null)).hasMessageContaining("got none");
    }

    @Test
    void shouldAcceptTheMinimumWhenTheKeyIsSixteenBytes() {
        assertThat(new Fingerprinter(new byte[16])
                        .fingerprint("a", SecretValue.of("b"))
                        .value())
                .hasSize(22);
    }

    @Test
    void shouldNotShowTheKeyWhenPrinted() {
        assertThat(fingerprinter.toString()).doesNotContain("0123456789abcdef");
    }

    @Test
    void shouldRejectAnythingButTwentyTwoCanonicalCharactersWhenParsingAFingerprint() {
        assertThat(new Fingerprint("Ux3kq0Zc7VrTq1mB2sYw8A").value()).isEqualTo("Ux3kq0Zc7VrTq1mB2sYw8A");
        for (String bad : new String[] {
            "",
            "short",
            "Ux3kq0Zc7VrTq1mB2sYw8A=",
            "Ux3kq0Zc7VrTq1mB2sYw8+",
            "Ux3kq0Zc7VrTq1mB2sYw8B",
            "Ux3kq0Zc7VrTq1mB2sYw8AA"
        }) {
            assertThatThrownBy(() -> new Fingerprint(bad))
                    .as(bad)
                    .isInstanceOf(ContractViolation.class)
                    .hasMessageNotContaining(bad.isEmpty() ? "\u0000" : bad);
        }
    }
}
