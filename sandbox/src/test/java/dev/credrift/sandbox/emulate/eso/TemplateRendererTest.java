package dev.credrift.sandbox.emulate.eso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateRendererTest {

    private static final Map<String, byte[]> VALUES = Map.of(
            "access_key", "AKIAEXAMPLE".getBytes(StandardCharsets.UTF_8),
            "secret-key", "s3cr3t".getBytes(StandardCharsets.UTF_8));

    @Test
    void shouldSubstituteDotAndIndexFormsWhenRendering() throws ProviderException {
        Map<String, byte[]> rendered = TemplateRenderer.render(
                Map.of("config", "id={{ .access_key }} secret={{ index . \"secret-key\" | toString }}"), VALUES);

        assertThat(new String(rendered.get("config"), StandardCharsets.UTF_8))
                .isEqualTo("id=AKIAEXAMPLE secret=s3cr3t");
    }

    @Test
    void shouldRefuseTemplateFunctionsItCannotRenderWithoutShowingValues() {
        assertThatThrownBy(() -> TemplateRenderer.render(Map.of("config", "{{ .access_key | b64enc }}"), VALUES))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("renders only")
                .hasMessageNotContaining("AKIAEXAMPLE");
    }
}
