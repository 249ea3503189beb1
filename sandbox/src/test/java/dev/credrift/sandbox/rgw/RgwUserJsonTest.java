package dev.credrift.sandbox.rgw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.credrift.events.credential.Credential;
import org.junit.jupiter.api.Test;

class RgwUserJsonTest {

    private static final String SECRET_A = "planted-secret-aaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String SECRET_B = "planted-secret-bbbbbbbbbbbbbbbbbbbbbbbbbb";

    @Test
    void shouldReadKeysInListedOrderWhenUserHasTwo() {
        String json = """
                {"user_id": "loki", "display_name": "loki", "suspended": 0,
                 "keys": [{"user": "loki", "access_key": "AAAA0000000000000001", "secret_key": "%s"},
                          {"user": "loki", "access_key": "ZZZZ0000000000000002", "secret_key": "%s"}],
                 "swift_keys": []}
                """.formatted(SECRET_A, SECRET_B);

        RgwUser user = RgwUserJson.parse("user info", json);

        assertThat(user.uid()).isEqualTo("loki");
        assertThat(user.suspended()).isFalse();
        assertThat(user.keys())
                .extracting(Credential::accessKeyId)
                .containsExactly("AAAA0000000000000001", "ZZZZ0000000000000002");
        assertThat(user.keys().get(1).secret().reveal()).isEqualTo(SECRET_B);
    }

    @Test
    void shouldSeeSuspensionAndSkipSubuserKeysWhenListed() {
        String json = """
                {"user_id": "loki", "suspended": 1,
                 "keys": [{"user": "loki:sub", "access_key": "SUB00000000000000001", "secret_key": "%s"}]}
                """.formatted(SECRET_A);

        RgwUser user = RgwUserJson.parse("user suspend", json);

        assertThat(user.suspended()).isTrue();
        assertThat(user.keys()).isEmpty();
    }

    @Test
    void shouldNameFieldAndNoSecretWhenAccessKeyIsMissing() {
        String json = """
                {"user_id": "loki", "suspended": 0, "keys": [{"user": "loki", "secret_key": "%s"}]}
                """.formatted(SECRET_A);

        assertThatThrownBy(() -> RgwUserJson.parse("key create", json))
                .isInstanceOf(RealRgwException.class)
                .hasMessage("key create: user JSON: field 'keys[0].access_key' is missing or not a string")
                .hasNoCause();
    }

    @Test
    void shouldNotQuoteInputWhenJsonIsBroken() {
        String json = "{\"user_id\": \"loki\", \"keys\": [{\"secret_key\": \"" + SECRET_A + "\" oops";

        assertThatThrownBy(() -> RgwUserJson.parse("user create", json))
                .isInstanceOf(RealRgwException.class)
                .hasMessageStartingWith("user create: radosgw-admin printed no valid JSON")
                .hasNoCause()
                .message()
                .doesNotContain(SECRET_A, "planted");
    }

    @Test
    void shouldScrubSecretFieldsAndKnownSecretsWhenTextIsQuoted() {
        KnownSecrets secrets = new KnownSecrets();
        secrets.remember(Credential.of("AAAA0000000000000001", SECRET_B).secret());

        String scrubbed = secrets.scrub("{\"secret_key\": \"" + SECRET_A + "\"} and later " + SECRET_B);

        assertThat(scrubbed).doesNotContain(SECRET_A, SECRET_B).contains("\"secret_key\": \"<redacted>\"");
    }
}
