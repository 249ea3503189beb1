package dev.credrift.sandbox.emulate.eso;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoObjectHashTest {

    @Test
    void shouldHashNilMapsLikeGoPrintsThemWhenNoLabelsOrAnnotations() {
        // md5("{annotations:map[] labels:map[]}")
        assertThat(GoObjectHash.meta(null, null)).isEqualTo("2f2c636d06132f67992c15a1daeb0a5f");
        assertThat(GoObjectHash.meta(Map.of(), Map.of())).isEqualTo(GoObjectHash.meta(null, null));
    }

    @Test
    void shouldSortKeysLikeGoWhenHashingMeta() {
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("note", "x");
        annotations.put("force-sync", "1700000000");

        // md5("{annotations:map[force-sync:1700000000 note:x] labels:map[app:loki]}")
        assertThat(GoObjectHash.meta(annotations, Map.of("app", "loki"))).isEqualTo("c12a555eebb565c8997391b3eda9152c");
        assertThat(GoObjectHash.resourceVersion(3, annotations, Map.of("app", "loki")))
                .isEqualTo("3-c12a555eebb565c8997391b3eda9152c");
    }

    @Test
    void shouldPrintBytesAsDecimalListsWhenHashingSecretData() {
        Map<String, byte[]> data = new LinkedHashMap<>();
        data.put("AWS_SECRET_ACCESS_KEY", "s".getBytes(StandardCharsets.UTF_8));
        data.put("AWS_ACCESS_KEY_ID", "AK".getBytes(StandardCharsets.UTF_8));

        // md5("map[AWS_ACCESS_KEY_ID:[65 75] AWS_SECRET_ACCESS_KEY:[115]]")
        assertThat(GoObjectHash.data(data)).isEqualTo("9d227c012c1f406bebb4cdb19185c5d7");
    }

    @Test
    void shouldHashTheOwnerNameForTheCreatedByLabel() {
        assertThat(GoObjectHash.string("monitoring/loki-s3-credentials")).isEqualTo("e625d73b02457706d5b60250e11d9186");
    }

    @Test
    void shouldChangeTheResourceVersionWhenOnlyAnAnnotationChanges() {
        String before = GoObjectHash.resourceVersion(1, Map.of(), Map.of());
        String after = GoObjectHash.resourceVersion(1, Map.of("force-sync", "1"), Map.of());

        assertThat(after).isNotEqualTo(before).startsWith("1-");
    }
}
