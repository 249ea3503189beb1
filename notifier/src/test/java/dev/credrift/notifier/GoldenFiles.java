package dev.credrift.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden JSON files under {@code src/test/resources/golden}. Run with {@code -Dcredrift.golden.update=true}
 * to (re)write them from the current output, then review the diff.
 */
public final class GoldenFiles {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final boolean UPDATE = Boolean.getBoolean("credrift.golden.update");

    private GoldenFiles() {}

    public static void assertMatches(String name, JsonNode actual) {
        String resource = "golden/" + name;
        if (UPDATE) {
            try {
                Path file = Path.of("src/test/resources", resource);
                Files.createDirectories(file.getParent());
                Files.writeString(file, JSON.writeValueAsString(actual) + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        try (InputStream in = GoldenFiles.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in)
                    .as("golden file %s (write it with -Dcredrift.golden.update=true)", resource)
                    .isNotNull();
            JsonNode expected = JSON.readTree(in);
            assertThat(JSON.writeValueAsString(actual))
                    .as("rendering of %s", name)
                    .isEqualTo(JSON.writeValueAsString(expected));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
