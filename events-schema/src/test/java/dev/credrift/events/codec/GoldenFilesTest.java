package dev.credrift.events.codec;

import static dev.credrift.events.Fixtures.golden;
import static dev.credrift.events.Fixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import dev.credrift.events.EventFactory;
import dev.credrift.events.Fixtures;
import dev.credrift.events.payload.EventType;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GoldenFilesTest {

    private final EventCodec codec = new EventCodec();

    @Test
    void shouldHaveSchemaAndGoldenFileWhenTypeIsDeclared() {
        for (EventType type : EventType.values()) {
            assertThat(Fixtures.resource(type.schemaResource()))
                    .as("schema of %s", type.typeName())
                    .isPresent();
            assertThat(Fixtures.resource(Fixtures.goldenPath(type)))
                    .as("golden file of %s", type.typeName())
                    .isPresent();
        }
    }

    @Test
    void shouldHaveNoOrphanFilesWhenListingSchemasAndGoldens() throws IOException, URISyntaxException {
        Set<String> declared = Arrays.stream(EventType.values())
                .map(t -> t.typeName() + ".json")
                .collect(Collectors.toSet());
        assertThat(classpathDirectory("schemas")).containsExactlyInAnyOrderElementsOf(declared);
        assertThat(classpathDirectory("golden")).containsExactlyInAnyOrderElementsOf(declared);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void shouldValidateAgainstSchemaWhenGoldenFileIsRead(EventType type) {
        assertThat(Fixtures.validate(type, tree(golden(type)))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void shouldDecodeAndReencodeIdenticallyWhenGoldenFileIsDecoded(EventType type) {
        DecodeResult result = codec.decode(Fixtures.record(type, golden(type)));

        assertThat(result).isInstanceOf(Decoded.class);
        Decoded decoded = (Decoded) result;
        assertThat(decoded.event().payload()).isInstanceOf(type.payloadClass());
        assertThat(decoded.event().type()).isEqualTo(type);
        // what Java writes back is exactly the golden document: no field renamed, dropped or added
        EventFactory factory = new EventFactory(
                URI.create("urn:credrift:test"), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), () -> "id-1");
        KafkaRecord reencoded = codec.encode(factory.create(decoded.event().payload()));
        assertThat(tree(reencoded.value())).isEqualTo(tree(golden(type)));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void shouldDeclareIdVersionAndClosedObjectsWhenSchemaIsRead(EventType type) {
        JsonNode schema = tree(Fixtures.resource(type.schemaResource()).orElseThrow());

        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("$id").asText()).isEqualTo(type.dataSchema().toString());
        assertThat(schema.path("title").asText()).isEqualTo(type.payloadClass().getSimpleName());
        assertThat(schema.path("required").findValuesAsText("bindingId")).isNotNull();
        assertThat(schema.path("required").toString()).contains("\"bindingId\"");
        assertEveryObjectIsClosed(schema, "$");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void shouldBeAValidDraft202012SchemaWhenCheckedAgainstTheMetaSchema(EventType type) {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        var meta = factory.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

        assertThat(meta.validate(tree(Fixtures.resource(type.schemaResource()).orElseThrow())))
                .isEmpty();
    }

    private static void assertEveryObjectIsClosed(JsonNode node, String where) {
        if (node.isObject()) {
            if ("object".equals(node.path("type").asText())) {
                assertThat(node.path("additionalProperties").isBoolean()
                                && !node.path("additionalProperties").asBoolean())
                        .as("%s has additionalProperties: false", where)
                        .isTrue();
                assertThat(node.path("required").isArray())
                        .as("%s lists required fields", where)
                        .isTrue();
            }
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                assertEveryObjectIsClosed(field.getValue(), where + "." + field.getKey());
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                assertEveryObjectIsClosed(node.get(i), where + "[" + i + "]");
            }
        }
    }

    private static Set<String> classpathDirectory(String name) throws IOException, URISyntaxException {
        Path directory =
                Path.of(GoldenFilesTest.class.getClassLoader().getResource(name).toURI());
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }
}
