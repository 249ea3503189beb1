package dev.credrift.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The CRD's {@code openAPIV3Schema} as a JSON Schema (draft 4, which OpenAPI v3 schemas follow), with the
 * {@code x-kubernetes-*} extensions dropped: those (CEL rules, list-map keys) only an API server can judge.
 */
public final class CrdSchema {

    private static final JsonSchema SCHEMA = load();

    private CrdSchema() {}

    /** The openAPIV3Schema exactly as written, extensions included. */
    public static ObjectNode openApiV3Schema() {
        try {
            JsonNode crd = Examples.YAML.readTree(CredentialBindingCrd.yaml());
            return (ObjectNode) crd.at("/spec/versions/0/schema/openAPIV3Schema");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Set<ValidationMessage> validate(JsonNode instance) {
        return SCHEMA.validate(instance);
    }

    private static JsonSchema load() {
        ObjectNode schema = openApiV3Schema().deepCopy();
        dropKubernetesExtensions(schema);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .formatAssertionsEnabled(true)
                .pathType(PathType.JSON_PATH)
                .build();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schema, config);
    }

    private static void dropKubernetesExtensions(JsonNode node) {
        if (node.isObject()) {
            List<String> drop = new ArrayList<>();
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (name.startsWith("x-kubernetes-")) {
                    drop.add(name);
                }
            }
            ((ObjectNode) node).remove(drop);
        }
        node.elements().forEachRemaining(CrdSchema::dropKubernetesExtensions);
    }
}
