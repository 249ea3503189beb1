package dev.credrift.sandbox.world.file;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The schemas of the Kubernetes objects a world may hold: built-in kinds from fabric8's typed model (the fields its
 * Jackson binding knows, which are the API's), custom resources from the CRDs the sandbox serves ({@code crds/} on
 * the class path: Rook's CephObjectStoreUser, External Secrets' ExternalSecret and PushSecret, credrift's
 * CredentialBinding). A kind with neither is checked only for its {@code metadata}.
 */
final class ObjectSchemas {

    private static final List<String> CRDS = List.of(
            "crds/ceph.rook.io_cephobjectstoreusers.yaml",
            "crds/external-secrets.io_externalsecrets.yaml",
            "crds/external-secrets.io_pushsecrets.yaml",
            "crds/credentialbindings.credrift.dev.yaml");
    private static final Map<String, Class<?>> TYPED = Map.of(
            "v1/Secret",
            Secret.class,
            "v1/ConfigMap",
            ConfigMap.class,
            "v1/Namespace",
            Namespace.class,
            "v1/ServiceAccount",
            ServiceAccount.class,
            "v1/Service",
            Service.class,
            "v1/Pod",
            Pod.class,
            "apps/v1/Deployment",
            Deployment.class,
            "apps/v1/StatefulSet",
            StatefulSet.class,
            "apps/v1/DaemonSet",
            DaemonSet.class);
    private static final Set<Class<?>> TEXT = Set.of(String.class, Character.class);
    private static final Set<Class<?>> WHOLE =
            Set.of(Integer.class, Long.class, Short.class, Byte.class, int.class, long.class, short.class, byte.class);
    private static final ObjectSchemas INSTANCE = new ObjectSchemas();

    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<Class<?>, ObjectSchema> typed = new HashMap<>();
    private final Map<String, ObjectSchema> custom = new HashMap<>();
    private final ObjectSchema metadata;

    private ObjectSchemas() {
        metadata = typed(mapper.constructType(ObjectMeta.class));
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        for (String resource : CRDS) {
            try (InputStream in = ObjectSchemas.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    continue; // not on this class path: such objects get the metadata check only
                }
                JsonNode crd = yaml.readTree(in);
                String group = crd.path("spec").path("group").asText();
                String kind = crd.path("spec").path("names").path("kind").asText();
                for (JsonNode version : crd.path("spec").path("versions")) {
                    ObjectSchema schema = fromOpenApi(version.path("schema").path("openAPIV3Schema"));
                    custom.put(group + "/" + version.path("name").asText() + "/" + kind, withMetadata(schema));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }
    }

    /** The schema for objects of this {@code apiVersion} and {@code kind}. */
    static synchronized ObjectSchema of(String apiVersion, String kind) {
        String key = apiVersion + "/" + kind;
        Class<?> type = TYPED.get(key);
        if (type != null) {
            return INSTANCE.typed(INSTANCE.mapper.constructType(type));
        }
        return INSTANCE.custom.getOrDefault(key, INSTANCE.withMetadata(new ObjectSchema.Anything()));
    }

    /** A CRD's top-level schema says only {@code metadata: {type: object}}; the API server checks ObjectMeta. */
    private ObjectSchema withMetadata(ObjectSchema schema) {
        Map<String, ObjectSchema> fields = new LinkedHashMap<>();
        boolean open = true;
        Optional<ObjectSchema> values = Optional.empty();
        if (schema instanceof ObjectSchema.Struct struct) {
            fields.putAll(struct.properties());
            open = struct.open();
            values = struct.values();
        }
        fields.put("metadata", metadata);
        fields.putIfAbsent("apiVersion", new ObjectSchema.Scalar(ObjectSchema.Type.STRING));
        fields.putIfAbsent("kind", new ObjectSchema.Scalar(ObjectSchema.Type.STRING));
        return new ObjectSchema.Struct(fields, values, open);
    }

    private ObjectSchema typed(JavaType type) {
        Class<?> raw = type.getRawClass();
        if (type.isCollectionLikeType() || type.isArrayType()) {
            return new ObjectSchema.ListOf(typed(type.getContentType()));
        }
        if (type.isMapLikeType()) {
            return new ObjectSchema.Struct(Map.of(), Optional.of(typed(type.getContentType())), false);
        }
        if (TEXT.contains(raw)) {
            return new ObjectSchema.Scalar(ObjectSchema.Type.STRING);
        }
        if (WHOLE.contains(raw)) {
            return new ObjectSchema.Scalar(ObjectSchema.Type.INTEGER);
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return new ObjectSchema.Scalar(ObjectSchema.Type.BOOLEAN);
        }
        if (Number.class.isAssignableFrom(raw) || raw == double.class || raw == float.class) {
            return new ObjectSchema.Scalar(ObjectSchema.Type.NUMBER);
        }
        if (raw == IntOrString.class) {
            return new ObjectSchema.Scalar(ObjectSchema.Type.INT_OR_STRING);
        }
        if (raw == Quantity.class) {
            return new ObjectSchema.Scalar(ObjectSchema.Type.QUANTITY);
        }
        if (raw.isEnum()) {
            List<String> names = new ArrayList<>();
            for (Object constant : raw.getEnumConstants()) {
                names.add(constant.toString());
            }
            return new ObjectSchema.Scalar(ObjectSchema.Type.STRING, names);
        }
        if (raw.isInterface() || raw == Object.class || !raw.getPackageName().startsWith("io.fabric8")) {
            return new ObjectSchema.Anything();
        }
        ObjectSchema known = typed.get(raw);
        if (known != null) {
            return known;
        }
        // registered before its fields are read: model types may nest themselves
        Map<String, ObjectSchema> fields = new LinkedHashMap<>();
        ObjectSchema struct = new ObjectSchema.Struct(fields, Optional.empty(), false);
        typed.put(raw, struct);
        BeanDescription bean = mapper.getDeserializationConfig().introspect(type);
        for (BeanPropertyDefinition property : bean.findProperties()) {
            fields.put(property.getName(), typed(property.getPrimaryType()));
        }
        return struct;
    }

    private static ObjectSchema fromOpenApi(JsonNode schema) {
        if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
            return new ObjectSchema.Scalar(ObjectSchema.Type.INT_OR_STRING);
        }
        String type = schema.path("type").asText("");
        switch (type) {
            case "string" -> {
                List<String> allowed = new ArrayList<>();
                schema.path("enum").forEach(value -> allowed.add(value.asText()));
                return new ObjectSchema.Scalar(ObjectSchema.Type.STRING, allowed);
            }
            case "integer" -> {
                return new ObjectSchema.Scalar(ObjectSchema.Type.INTEGER);
            }
            case "number" -> {
                return new ObjectSchema.Scalar(ObjectSchema.Type.NUMBER);
            }
            case "boolean" -> {
                return new ObjectSchema.Scalar(ObjectSchema.Type.BOOLEAN);
            }
            case "array" -> {
                return new ObjectSchema.ListOf(fromOpenApi(schema.path("items")));
            }
            default -> {
                return structFromOpenApi(schema);
            }
        }
    }

    private static ObjectSchema structFromOpenApi(JsonNode schema) {
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.path("additionalProperties");
        boolean preserve = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        if (!properties.isObject() && !additional.isObject()) {
            return new ObjectSchema.Anything(); // no structure given: nothing to check against
        }
        Map<String, ObjectSchema> fields = new LinkedHashMap<>();
        properties.fields().forEachRemaining(field -> fields.put(field.getKey(), fromOpenApi(field.getValue())));
        Optional<ObjectSchema> values = additional.isObject() ? Optional.of(fromOpenApi(additional)) : Optional.empty();
        return new ObjectSchema.Struct(fields, values, preserve || additional.asBoolean(false));
    }
}
