package dev.credrift.events.codec;

import static dev.credrift.events.Fixtures.golden;
import static dev.credrift.events.Fixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.credrift.events.Fixtures;
import dev.credrift.events.payload.EventType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Java decoder and the JSON Schema must accept and reject the same payloads: every golden file is
 * mutated node by node (removed, nulled, retyped, emptied, stretched, re-cased, extended) and both
 * judges give their verdict.
 *
 * <p>Not mutated: a trailing newline. JSON Schema patterns are ECMA-262, where {@code $} is the end of
 * the input; networknt uses java.util.regex, where {@code $} also matches before a final line
 * terminator, so it accepts {@code "rem-1\n"} as a token. The Java side rejects it, as an ECMA
 * validator would ({@link #shouldRejectATrailingNewlineWhenJavaDecodes}).
 */
class SchemaAgreementTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final EventCodec codec = new EventCodec();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void shouldAgreeWithTheSchemaWhenGoldenPayloadIsMutated(EventType type) {
        JsonNode original = tree(golden(type));
        List<Mutation> mutations = new ArrayList<>();
        mutate(original, mutations, "$", root -> root);

        List<String> disagreements = new ArrayList<>();
        int accepted = 0;
        for (Mutation mutation : mutations) {
            boolean schemaAccepts = Fixtures.validate(type, mutation.payload).isEmpty();
            DecodeResult decoded = codec.decode(record(type, mutation.payload));
            boolean javaAccepts = decoded instanceof Decoded;
            if (decoded instanceof DecodeFailure failure) {
                assertThat(failure.reason()).as(mutation.name).isEqualTo(DecodeFailure.Reason.SCHEMA_VIOLATION);
            }
            if (schemaAccepts != javaAccepts) {
                disagreements.add(mutation.name + ": schema " + (schemaAccepts ? "accepts" : "rejects") + ", Java "
                        + (javaAccepts ? "accepts" : "rejects (" + ((DecodeFailure) decoded).detail() + ")"));
            }
            accepted += schemaAccepts ? 1 : 0;
        }

        assertThat(disagreements).isEmpty();
        assertThat(mutations.size()).as("mutations tried").isGreaterThan(20);
        assertThat(accepted)
                .as("some mutations are legal (optional fields removed …)")
                .isLessThan(mutations.size());
    }

    @org.junit.jupiter.api.Test
    void shouldRejectATrailingNewlineWhenJavaDecodes() {
        ObjectNode payload = (ObjectNode) tree(golden(EventType.REMEDIATION_SUCCEEDED));
        payload.put("remediationId", payload.get("remediationId").asText() + "\n");

        assertThat(codec.decode(record(EventType.REMEDIATION_SUCCEEDED, payload)))
                .isInstanceOfSatisfying(
                        DecodeFailure.class, f -> assertThat(f.detail()).startsWith("$.remediationId:"));
    }

    private record Mutation(String name, JsonNode payload) {}

    /** Collects mutations of {@code node}; {@code replace} rebuilds the whole payload with the node replaced. */
    private static void mutate(JsonNode node, List<Mutation> out, String path, Replacer replace) {
        for (JsonNode replacement : replacements(node)) {
            out.add(new Mutation(path + " := " + abbreviate(replacement), replace.with(replacement)));
        }
        if (node.isObject()) {
            ObjectNode extended = node.deepCopy();
            extended.put("extraField", 1);
            out.add(new Mutation(path + " + extraField", replace.with(extended)));
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                ObjectNode without = node.deepCopy();
                without.remove(name);
                out.add(new Mutation(path + " - " + name, replace.with(without)));
                mutate(node.get(name), out, path + "." + name, child -> {
                    ObjectNode copy = node.deepCopy();
                    copy.set(name, child);
                    return replace.with(copy);
                });
            }
        } else if (node.isArray() && !node.isEmpty()) {
            ArrayNode repeated = node.deepCopy();
            repeated.add(node.get(0).deepCopy());
            out.add(new Mutation(path + " + repeat first", replace.with(repeated)));
            for (int i = 0; i < node.size(); i++) {
                int index = i;
                mutate(node.get(i), out, path + "[" + i + "]", child -> {
                    ArrayNode copy = node.deepCopy();
                    copy.set(index, child);
                    return replace.with(copy);
                });
            }
        }
    }

    private static List<JsonNode> replacements(JsonNode node) {
        List<JsonNode> candidates = new ArrayList<>(List.of(
                NODES.nullNode(),
                NODES.textNode("x"),
                NODES.textNode(""),
                NODES.textNode("a b"),
                NODES.textNode("y".repeat(1001)),
                NODES.numberNode(12345),
                NODES.numberNode(-1),
                NODES.numberNode(0),
                NODES.numberNode(1.5),
                NODES.numberNode(2147483648L),
                NODES.numberNode(new BigInteger("9223372036854775808")),
                NODES.booleanNode(true),
                NODES.objectNode(),
                NODES.arrayNode()));
        if (node.isTextual()) {
            candidates.add(NODES.textNode(node.asText().toUpperCase(Locale.ROOT)));
            candidates.add(NODES.textNode(node.asText().toLowerCase(Locale.ROOT)));
            candidates.add(NODES.textNode(node.asText() + "!"));
            candidates.add(NODES.textNode(node.asText() + "\u00e9"));
            candidates.add(NODES.arrayNode().add(node.asText()));
        }
        if (node.isIntegralNumber()) {
            candidates.add(NODES.textNode(node.asText()));
            candidates.add(NODES.numberNode(node.asLong() + 1));
        }
        if (node.isBoolean()) {
            candidates.add(NODES.textNode(node.asText()));
            candidates.add(NODES.booleanNode(!node.asBoolean()));
        }
        candidates.removeIf(node::equals);
        return candidates;
    }

    private interface Replacer extends UnaryOperator<JsonNode> {
        default JsonNode with(JsonNode node) {
            return apply(node);
        }
    }

    // Key and subject follow the payload's bindingId, so that only the payload is judged.
    private static KafkaRecord record(EventType type, JsonNode payload) {
        JsonNode binding = payload.path("bindingId");
        String subject = binding.isTextual() && binding.asText().matches("[a-z0-9.-]+/[a-z0-9.-]+")
                ? binding.asText()
                : Fixtures.LOKI.toString();
        return new KafkaRecord(subject, Fixtures.headers(type, subject), Fixtures.bytes(payload));
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 30 ? text.substring(0, 27) + "..." : text;
    }
}
