package dev.credrift.events.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretValueTest {

    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String KEY_ID = "AKIAIOSFODNN7EXAMPLE";

    private final ObjectMapper mapper = new ObjectMapper();

    record Holder(String name, Credential credential) {}

    @Test
    void shouldNeverShowTheValueWhenPrintedOrFormatted() {
        SecretValue secret = SecretValue.of(SECRET);
        Credential credential = new Credential(KEY_ID, secret);

        List<String> renderings = List.of(
                secret.toString(),
                String.valueOf(secret),
                String.format("%s", secret),
                "secret=" + secret,
                MessageFormat.format("{0}", secret),
                credential.toString(),
                String.valueOf(credential),
                String.format("%s %s", credential, Map.of("c", credential)),
                new Holder("loki", credential).toString(),
                List.of(secret, credential).toString());

        assertThat(renderings)
                .allSatisfy(text -> assertThat(text).doesNotContain(SECRET).doesNotContain(KEY_ID));
        assertThat(credential.toString()).isEqualTo("Credential[accessKeyId=AKIA…MPLE, secret=<redacted>]");
        assertThat(secret.toString()).isEqualTo("<redacted>");
    }

    @Test
    void shouldRefuseJacksonSerializationWithoutTheValueInTheMessageWhenSerializingASecret() {
        assertRefusedWithoutLeak(() -> mapper.writeValueAsString(SecretValue.of(SECRET)));
    }

    @Test
    void shouldRefuseJacksonSerializationBeforeWritingTheIdWhenSerializingACredential() {
        assertRefusedWithoutLeak(() -> mapper.writeValueAsString(Credential.of(KEY_ID, SECRET)));
        assertRefusedWithoutLeak(() -> mapper.writeValueAsString(new Holder("loki", Credential.of(KEY_ID, SECRET))));
        assertRefusedWithoutLeak(() -> mapper.writeValueAsString(Map.of("k", List.of(SecretValue.of(SECRET)))));
    }

    @Test
    void shouldRefuseJacksonDeserializationWithoutEchoingTheInputWhenReadingCredentials() {
        String json = "{\"accessKeyId\":\"" + KEY_ID + "\",\"secret\":\"" + SECRET + "\"}";

        assertRefusedWithoutLeak(() -> mapper.readValue(json, Credential.class));
        assertRefusedWithoutLeak(() -> mapper.readValue("\"" + SECRET + "\"", SecretValue.class));
        assertRefusedWithoutLeak(() -> mapper.readValue("{\"name\":\"n\",\"credential\":" + json + "}", Holder.class));
    }

    @Test
    void shouldCompareByValueWhenSecretsAreEqual() {
        assertThat(SecretValue.of(SECRET))
                .isEqualTo(SecretValue.of(SECRET))
                .isEqualTo(SecretValue.fromUtf8(SECRET.getBytes(StandardCharsets.UTF_8)));
        assertThat(SecretValue.of(SECRET))
                .isNotEqualTo(SecretValue.of(SECRET + "x"))
                .isNotEqualTo(SECRET);
        assertThat(Credential.of(KEY_ID, SECRET))
                .isEqualTo(Credential.of(KEY_ID, SECRET))
                .isNotEqualTo(Credential.of(KEY_ID, "other"));
    }

    @Test
    void shouldShareOneHashCodeWhenSecretsDiffer() {
        assertThat(SecretValue.of(SECRET).hashCode())
                .isEqualTo(SecretValue.of("other").hashCode())
                .isEqualTo(SecretValue.of("").hashCode());
        assertThat(Credential.of(KEY_ID, SECRET).hashCode())
                .isEqualTo(Credential.of(KEY_ID, "other").hashCode());
    }

    @Test
    void shouldHandTheValueOnWhenRevealed() {
        assertThat(SecretValue.of(SECRET).reveal()).isEqualTo(SECRET);
        assertThat(SecretValue.of("").isEmpty()).isTrue();
    }

    @Test
    void shouldNotQuoteTheBytesWhenTheyAreNotUtf8() {
        byte[] latin1 = "gehe\u00efm".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> SecretValue.fromUtf8(latin1))
                .hasMessage("secret must be valid UTF-8")
                .hasNoCause();
    }

    @Test
    void shouldNameTheFieldNotTheSecretWhenACredentialIsIncomplete() {
        assertThatThrownBy(() -> new Credential("", SecretValue.of(SECRET)))
                .hasMessage("accessKeyId must not be empty");
        assertThatThrownBy(() -> new Credential(KEY_ID + "\n", SecretValue.of(SECRET)))
                .hasMessage("accessKeyId must not contain control characters");
        assertThatThrownBy(() -> new Credential(KEY_ID, null)).hasMessage("secret must not be null");
    }

    private static void assertRefusedWithoutLeak(ThrowingCall call) {
        assertThatThrownBy(call::run)
                .isInstanceOf(JsonProcessingException.class)
                .satisfies(e -> {
                    for (Throwable t = e; t != null; t = t.getCause()) {
                        assertThat(String.valueOf(t.getMessage()))
                                .doesNotContain(SECRET)
                                .doesNotContain(KEY_ID);
                        assertThat(t.toString()).doesNotContain(SECRET).doesNotContain(KEY_ID);
                    }
                })
                .hasMessageContaining("credrift never");
    }

    private interface ThrowingCall {
        void run() throws Exception;
    }
}
