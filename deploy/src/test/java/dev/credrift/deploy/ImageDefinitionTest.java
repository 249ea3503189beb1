package dev.credrift.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** deploy/image/Dockerfile agrees with the chart: non-root uid, JRE 17, the jar the manifest's Class-Path expects. */
class ImageDefinitionTest {

    private static final Path DOCKERFILE = Path.of("image", "Dockerfile");

    @Test
    void shouldRunAsTheUidTheChartSetsWhenStarted() throws Exception {
        List<String> lines = Files.readAllLines(DOCKERFILE);
        Deployment deployment = HelmChart.ofType(
                        HelmChart.objects(HelmChart.template("minimal-values.yaml")), Deployment.class)
                .get(0);
        long uid = deployment
                .getSpec()
                .getTemplate()
                .getSpec()
                .getSecurityContext()
                .getRunAsUser();

        assertThat(lines).filteredOn(l -> l.startsWith("USER ")).singleElement().isEqualTo("USER " + uid + ":" + uid);
        assertThat(uid).isNotZero();
    }

    @Test
    void shouldStartFromAJre17BaseWhenBuilt() throws Exception {
        List<String> from = Files.readAllLines(DOCKERFILE).stream()
                .filter(l -> l.startsWith("FROM "))
                .toList();

        assertThat(from)
                .singleElement()
                .satisfies(l -> assertThat(l).contains("java17").contains(":nonroot"));
    }

    @Test
    void shouldPutLibrariesWhereTheJarManifestLooksWhenCopied() throws Exception {
        String dockerfile = Files.readString(DOCKERFILE);

        assertThat(dockerfile)
                .contains("COPY --chown=0:0 app/target/lib/ /opt/credrift/lib/")
                .contains("/opt/credrift/credrift.jar")
                .contains("ENTRYPOINT [\"/usr/bin/java\", \"-jar\", \"/opt/credrift/credrift.jar\"]");
        assertThat(Files.readString(Path.of("..", "app", "pom.xml")))
                .contains("<classpathPrefix>lib/</classpathPrefix>");
    }
}
