package dev.credrift.reconciler.rotate.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.credrift.events.credential.Credential;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpecKeysTest {

    private static final Map<String, Object> ROOK_ENTRY = Map.of(
            "accessKeyRef", Map.of("name", "loki-keys", "key", "access"),
            "secretKeyRef", Map.of("name", "loki-keys", "key", "secret"));

    @Test
    void shouldReadEveryEntryWhenSpecKeysNamesSecrets() {
        SpecKeys keys = SpecKeys.parse(List.of(ROOK_ENTRY));

        assertThat(keys.entries()).containsExactly(new SpecKeys.Entry("loki-keys", "access", "loki-keys", "secret"));
        assertThat(keys.references("loki-keys")).isTrue();
        assertThat(keys.references("credrift-loki-1")).isFalse();
    }

    @Test
    void shouldAppendCredriftsEntryOnceWhenAMintIsRepeated() {
        SpecKeys keys = SpecKeys.parse(List.of(ROOK_ENTRY));
        SpecKeys.Entry owned = SpecKeys.Entry.owned("credrift-loki-0a1b2c3d");

        SpecKeys once = keys.with(owned);
        SpecKeys twice = once.with(owned);

        assertThat(twice).isEqualTo(once);
        assertThat(twice.toMaps())
                .containsExactly(
                        ROOK_ENTRY,
                        Map.of(
                                "accessKeyRef", Map.of("name", "credrift-loki-0a1b2c3d", "key", "AccessKey"),
                                "secretKeyRef", Map.of("name", "credrift-loki-0a1b2c3d", "key", "SecretKey")));
    }

    @Test
    void shouldKeepTheOtherEntriesWhenOneIsDropped() {
        SpecKeys.Entry owned = SpecKeys.Entry.owned("credrift-loki-0a1b2c3d");
        SpecKeys keys = SpecKeys.parse(List.of(ROOK_ENTRY)).with(owned);

        SpecKeys rest = keys.without(e -> e.accessSecret().equals("loki-keys"));

        assertThat(rest.entries()).containsExactly(owned);
        assertThat(keys.matching(e -> e.accessSecret().equals("loki-keys"))).hasSize(1);
    }

    @Test
    void shouldNameTheEntryAndFieldWhenARefIsIncomplete() {
        List<Object> bad = List.of(ROOK_ENTRY, Map.of("accessKeyRef", Map.of("name", "x")));

        assertThatThrownBy(() -> SpecKeys.parse(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("spec.keys[1].accessKeyRef must name a Secret and a key");
        assertThatThrownBy(() -> SpecKeys.parse("keys"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("spec.keys is not a list");
        assertThat(SpecKeys.parse(null).entries()).isEmpty();
    }

    @Test
    void shouldNameTheKeySecretByUserAndRotationWhenMinting() {
        assertThat(RookSpecKeys.secretName("loki", "0A1B2C3D-4e5f-6789-abcd-ef0123456789"))
                .isEqualTo("credrift-loki-0a1b2c3d");
        assertThat(RookSpecKeys.secretName("loki", "0a1b2c3d-4e5f-6789-abcd-ef0123456789"))
                .isEqualTo("credrift-loki-0a1b2c3d");
    }

    @Test
    void shouldMintRgwShapedKeysWhenCredriftGeneratesThem() {
        Credential key = RookSpecKeys.generate(new SecureRandom());
        Credential other = RookSpecKeys.generate(new SecureRandom());

        assertThat(key.accessKeyId()).matches("[A-Z0-9]{20}");
        assertThat(key.secret().reveal()).hasSize(40);
        assertThat(other.accessKeyId()).isNotEqualTo(key.accessKeyId());
    }
}
