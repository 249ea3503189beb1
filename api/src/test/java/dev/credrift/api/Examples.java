package dev.credrift.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The example bindings under {@code src/test/resources/examples}, one per field story (the deploy module reuses them). */
public final class Examples {

    public static final String LOKI_ROOK = "loki-rook";
    public static final String TEMPO_MINIO = "tempo-minio";
    public static final String S3_PRIVATE_CA = "s3-private-ca";
    public static final String AWS_IRSA = "aws-irsa";
    public static final String ALIBABA_RRSA = "alibaba-rrsa";

    public static final List<String> ALL = List.of(LOKI_ROOK, TEMPO_MINIO, S3_PRIVATE_CA, AWS_IRSA, ALIBABA_RRSA);

    public static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    public static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Examples() {}

    public static String yaml(String name) {
        return resource("examples/" + name + ".yaml");
    }

    public static CredentialBinding binding(String name) {
        return SERIALIZATION.unmarshal(yaml(name), CredentialBinding.class);
    }

    /** The example as a mutable tree, to bend into a bad spec. */
    public static ObjectNode tree(String name) {
        try {
            return (ObjectNode) YAML.readTree(yaml(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a tree the way the watcher reads a resource from the API server. */
    public static CredentialBinding fromTree(JsonNode tree) {
        return SERIALIZATION.unmarshal(tree.toString(), CredentialBinding.class);
    }

    static String resource(String path) {
        try (InputStream in = Examples.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
