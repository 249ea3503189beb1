package dev.credrift.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.api.CredentialBindingCrd;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The chart's CRD is the api module's, byte for byte. The build copies it into the chart (maven-resources-plugin,
 * generate-resources); this test fails if that step goes or the chart's copy is edited by hand and committed.
 */
class CrdIdentityTest {

    private static final Path CHART_CRD = HelmChart.DIR.resolve("crds").resolve("credentialbindings.credrift.dev.yaml");

    @Test
    void shouldShipTheApiModulesCrdWhenChartIsBuilt() throws Exception {
        assertThat(Files.readString(CHART_CRD)).isEqualTo(CredentialBindingCrd.yaml());
    }

    @Test
    void shouldParseAsACustomResourceDefinitionWhenReadByFabric8() throws Exception {
        CustomResourceDefinition crd =
                HelmChart.SERIALIZATION.unmarshal(Files.readString(CHART_CRD), CustomResourceDefinition.class);

        assertThat(crd.getMetadata().getName()).isEqualTo("credentialbindings.credrift.dev");
        assertThat(crd.getSpec().getVersions())
                .anyMatch(v -> v.getSubresources().getStatus() != null);
    }

    @Test
    void shouldBeTheOnlyFileWhenListingTheChartsCrds() throws Exception {
        try (var files = Files.list(CHART_CRD.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactly(CHART_CRD.getFileName().toString());
        }
    }
}
