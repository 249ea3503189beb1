package dev.credrift.sandbox.world.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ValueTemplateTest {

    private static final Map<String, String> WORLD =
            Map.of("s3.endpoint", "http://127.0.0.1:9000", "storeUser.loki.accessKeyId", "AKIALOKI");

    @Test
    void shouldReplacePlaceholdersAndKeepEscapedOnesWhenResolved() {
        ValueTemplate template =
                new ValueTemplate("endpoint ${s3.endpoint} key ${storeUser.loki.accessKeyId} $${literal}");

        assertThat(template.placeholders()).containsExactly("s3.endpoint", "storeUser.loki.accessKeyId");
        assertThat(template.resolve(name -> Optional.ofNullable(WORLD.get(name))))
                .isEqualTo("endpoint http://127.0.0.1:9000 key AKIALOKI ${literal}");
    }

    @Test
    void shouldNameAPlaceholderTheWorldCannotFill() {
        assertThatThrownBy(() -> new ValueTemplate("${ca.pem}").resolve(name -> Optional.empty()))
                .hasMessage("placeholder ${ca.pem} has no value in this world");
    }

    @Test
    void shouldKnowWhichPlaceholdersExistAndWhichAreSecrets() {
        assertThat(ValueTemplate.isKnown("storeUser.tempo.secretAccessKey")).isTrue();
        assertThat(ValueTemplate.isKnown("minio.url")).isFalse();
        assertThat(ValueTemplate.storeUserOf("storeUser.tempo.accessKeyId")).contains("tempo");
        assertThat(ValueTemplate.isSecret("onepassword.token")).isTrue();
        assertThat(ValueTemplate.isSecret("s3.endpoint")).isFalse();
        assertThat(ValueTemplate.isSecret("minio.rootPassword")).isTrue();
        assertThat(ValueTemplate.isSecret("minio.endpoint")).isFalse();
        assertThat(ValueTemplate.isKnown("minio.endpoint")).isTrue();
    }

    @Test
    void shouldNeverPrintItsText() {
        assertThat(new ValueTemplate("supersecret")).hasToString("<value>");
    }
}
