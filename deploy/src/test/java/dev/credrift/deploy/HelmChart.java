package dev.credrift.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The chart under {@code deploy/helm/credrift}, rendered and linted with helm-java (Helm compiled as a native library,
 * so no helm binary is needed), as release {@code credrift} in namespace {@value #NAMESPACE}.
 */
final class HelmChart {

    static final Path DIR = Path.of("helm", "credrift");
    static final String RELEASE = "credrift";
    static final String NAMESPACE = "credrift";
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private HelmChart() {}

    /** The combinations documented in deploy/README.md, one values file each under {@code ci/}. */
    static List<String> combinations() {
        try (Stream<Path> files = Files.list(DIR.resolve("ci"))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith("-values.yaml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path values(String combination) {
        return DIR.resolve("ci").resolve(combination);
    }

    /** {@code helm template} with one values file. */
    static String template(String combination) {
        return new Helm(DIR)
                .template()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withValuesFile(values(combination))
                .call();
    }

    /** {@code helm template} with the chart's own values only. */
    static String templateDefaults() {
        return new Helm(DIR)
                .template()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .call();
    }

    /** {@code helm lint} of the chart as it is. */
    static LintResult lintDefaults() {
        return new Helm(DIR).lint().strict().call();
    }

    /**
     * {@code helm lint -f VALUES}: helm-java's lint takes no values file, so the chart is copied to {@code scratch}
     * with the combination merged into its values.yaml.
     */
    static LintResult lint(String combination, Path scratch) {
        Path copy = scratch.resolve("credrift");
        copyTree(DIR, copy);
        try {
            ObjectNode merged =
                    (ObjectNode) YAML.readTree(DIR.resolve("values.yaml").toFile());
            merge(merged, YAML.readTree(values(combination).toFile()));
            YAML.writeValue(copy.resolve("values.yaml").toFile(), merged);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Helm(copy).lint().strict().call();
    }

    /** Every document of a rendered manifest, parsed by fabric8 into its typed model where it has one. */
    static List<HasMetadata> objects(String rendered) {
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : rendered.split("(?m)^---\\s*$")) {
            if (document.lines().allMatch(l -> l.isBlank() || l.stripLeading().startsWith("#"))) {
                continue;
            }
            objects.add(SERIALIZATION.unmarshal(document, HasMetadata.class));
        }
        return objects;
    }

    static <T extends HasMetadata> List<T> ofType(List<HasMetadata> objects, Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    static JsonNode valuesTree(String combination) {
        try {
            ObjectNode merged =
                    (ObjectNode) YAML.readTree(DIR.resolve("values.yaml").toFile());
            merge(merged, YAML.readTree(values(combination).toFile()));
            return merged;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void merge(ObjectNode into, JsonNode overlay) {
        for (Map.Entry<String, JsonNode> field : overlay.properties()) {
            JsonNode existing = into.get(field.getKey());
            if (existing instanceof ObjectNode object && field.getValue().isObject()) {
                merge(object, field.getValue());
            } else {
                into.set(field.getKey(), field.getValue());
            }
        }
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
