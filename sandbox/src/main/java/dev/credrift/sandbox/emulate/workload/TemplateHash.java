package dev.credrift.sandbox.emulate.workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Names as the real controllers make them: a pod-template hash (FNV-1a 32 of the template, printed in decimal and
 * mapped onto Kubernetes' "safe" alphabet, like {@code controller.ComputeHash} + {@code rand.SafeEncodeString}) and
 * five random characters for pod names ({@code rand.String(5)}). The hash is over canonical JSON rather than Go's
 * struct dump, so values differ from a real cluster's, but equal templates hash equally and any change — such as
 * {@code kubectl.kubernetes.io/restartedAt} — changes the hash.
 */
final class TemplateHash {

    // k8s.io/apimachinery/pkg/util/rand: no vowels (no words), no 0/1/3 (no look-alikes)
    private static final String ALPHANUMS = "bcdfghjklmnpqrstvwxz2456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TemplateHash() {}

    /** The hash of a pod template, e.g. {@code 7c9f8d6b5b}. */
    static String of(PodTemplateSpec template) {
        JsonNode tree = Serialization.jsonMapper().valueToTree(template);
        String canonical = canonical(tree).toString();
        int hash = 0x811c9dc5;
        for (byte b : canonical.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x01000193;
        }
        return safeEncode(Long.toString(Integer.toUnsignedLong(hash)));
    }

    /** {@code rand.String(n)}. */
    static String randomSuffix(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHANUMS.charAt(RANDOM.nextInt(ALPHANUMS.length())));
        }
        return text.toString();
    }

    private static String safeEncode(String text) {
        StringBuilder encoded = new StringBuilder(text.length());
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            encoded.append(ALPHANUMS.charAt((b & 0xff) % ALPHANUMS.length()));
        }
        return encoded.toString();
    }

    private static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            Iterator<String> it = node.fieldNames();
            it.forEachRemaining(names::add);
            names.sort(null);
            ObjectNode sorted = Serialization.jsonMapper().createObjectNode();
            for (String name : names) {
                JsonNode child = node.get(name);
                if (!child.isNull()) {
                    sorted.set(name, canonical(child));
                }
            }
            return sorted;
        }
        if (node.isArray()) {
            var array = Serialization.jsonMapper().createArrayNode();
            node.forEach(child -> array.add(canonical(child)));
            return array;
        }
        return node;
    }
}
