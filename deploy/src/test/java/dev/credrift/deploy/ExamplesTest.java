package dev.credrift.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.credrift.api.CrdSchema;
import dev.credrift.api.CredentialBinding;
import dev.credrift.api.validation.CredentialBindingValidator;
import dev.credrift.api.validation.ValidationResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** deploy/examples: one CredentialBinding per field story, valid by the CRD's schema and by credrift's validator. */
class ExamplesTest {

    private static final Path DIR = Path.of("examples");

    static List<String> examples() {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void shouldHaveOneExamplePerFieldStoryWhenListed() {
        assertThat(examples())
                .containsExactly(
                        "1-loki-rook.yaml",
                        "2-tempo-minio.yaml",
                        "3-s3-private-ca.yaml",
                        "4-aws-irsa.yaml",
                        "5-alibaba-rrsa.yaml");
    }

    @ParameterizedTest
    @MethodSource("examples")
    void shouldMatchTheCrdSchemaWhenReadAsWritten(String example) throws Exception {
        JsonNode tree = HelmChart.YAML.readTree(DIR.resolve(example).toFile());

        assertThat(CrdSchema.validate(tree)).isEmpty();
        assertThat(tree.at("/kind").asText()).isEqualTo("CredentialBinding");
        assertThat(tree.at("/metadata/namespace").asText()).isNotBlank();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void shouldPassTheValidatorWhenReadAsTheWatcherReadsIt(String example) throws Exception {
        CredentialBinding binding =
                HelmChart.SERIALIZATION.unmarshal(Files.readString(DIR.resolve(example)), CredentialBinding.class);

        ValidationResult result = new CredentialBindingValidator().validate(binding);

        assertThat(result.errors()).as(result.errorSummary()).isEmpty();
    }
}
