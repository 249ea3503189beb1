package dev.credrift.events.codec;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.credrift.events.ContractViolation;
import dev.credrift.events.payload.EventPayload;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

// JSON bytes → payload record, with Jackson's failures turned into typed ones. Jackson's own
// messages quote input ("Unrecognized token 'hunter2'"): only paths and our own rules are used.
final class PayloadReader {

    /** A field name we are willing to repeat back: a short camelCase identifier, like ours. */
    private static final Pattern QUOTABLE_FIELD = Pattern.compile("[a-z][A-Za-z0-9]{0,31}");

    private final ObjectMapper mapper;

    PayloadReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    record Result(EventPayload payload, DecodeFailure failure) {}

    Result read(byte[] json, Class<? extends EventPayload> type) {
        JsonNode tree = null;
        try {
            tree = mapper.readTree(json);
            if (tree == null || !tree.isObject()) {
                return failure(DecodeFailure.Reason.SCHEMA_VIOLATION, "$: must be a JSON object");
            }
            String nullAt = firstNull(tree, "$");
            if (nullAt != null) {
                return failure(
                        DecodeFailure.Reason.SCHEMA_VIOLATION,
                        nullAt + ": must not be null (leave optional fields out instead)");
            }
            return new Result(mapper.readerFor(type).readValue(mapper.treeAsTokens(tree)), null);
        } catch (InputCoercionException e) {
            return failure(DecodeFailure.Reason.SCHEMA_VIOLATION, pointer(e.getProcessor()) + ": number out of range");
        } catch (StreamReadException e) {
            JsonLocation at = e.getLocation();
            return failure(
                    DecodeFailure.Reason.INVALID_JSON,
                    at == null
                            ? "value is not well-formed JSON"
                            : "value is not well-formed JSON (line " + at.getLineNr() + ", column " + at.getColumnNr()
                                    + ")");
        } catch (DatabindException e) {
            return failure(DecodeFailure.Reason.SCHEMA_VIOLATION, describe((JsonMappingException) e, tree));
        } catch (IOException e) {
            return failure(DecodeFailure.Reason.INVALID_JSON, "value could not be read as JSON");
        }
    }

    // No schema admits null anywhere; Jackson would pass an explicit null on as if the field were absent.
    private static String firstNull(JsonNode node, String path) {
        if (node.isNull()) {
            return path;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String name = QUOTABLE_FIELD.matcher(field.getKey()).matches() ? field.getKey() : "?";
                String found = firstNull(field.getValue(), path + "." + name);
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = firstNull(node.get(i), path + "[" + i + "]");
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static Result failure(DecodeFailure.Reason reason, String detail) {
        return new Result(null, new DecodeFailure(reason, detail));
    }

    private static String describe(JsonMappingException e, JsonNode tree) {
        String path = path(e.getPath());
        JsonNode at = at(tree, e.getPath());
        ContractViolation violation = find(e, ContractViolation.class);
        if (violation != null) {
            if (violation.field() == null) {
                return path + ": " + violation.rule();
            }
            // a scalar that failed (a BindingId, say) names a part of itself, not a child field
            return at != null && !at.isContainerNode()
                    ? path + ": " + violation.getMessage()
                    : join(path, violation.field()) + ": " + violation.rule();
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            String name = unknown.getPropertyName();
            if (name != null && QUOTABLE_FIELD.matcher(name).matches()) {
                return path + ": is not a field of this event type";
            }
            return parentOf(unknown.getPath()) + ": has a field that is not part of this event type";
        }
        if (at == null || at.isMissingNode()) {
            return path + ": is required";
        }
        if (find(e, InputCoercionException.class) != null) {
            return path + ": number out of range";
        }
        if (e instanceof MismatchedInputException mismatch) {
            Class<?> target = mismatch.getTargetType();
            if (target != null && target.isEnum() && at.isTextual()) {
                return path + ": is not one of the allowed values";
            }
            return path + ": has the wrong JSON type" + (target == null ? "" : " (expected " + jsonType(target) + ")");
        }
        return path + ": does not match the schema";
    }

    // The node a Jackson path points at, or null when a step is missing.
    private static JsonNode at(JsonNode tree, List<JsonMappingException.Reference> references) {
        JsonNode node = tree;
        for (JsonMappingException.Reference reference : references) {
            if (node == null) {
                return null;
            }
            node = reference.getIndex() >= 0
                    ? node.get(reference.getIndex())
                    : reference.getFieldName() != null ? node.get(reference.getFieldName()) : node;
        }
        return node;
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder("$");
        for (JsonMappingException.Reference reference : references) {
            if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            } else if (reference.getFieldName() != null) {
                String name = reference.getFieldName();
                path.append('.').append(QUOTABLE_FIELD.matcher(name).matches() ? name : "?");
            }
        }
        return path.toString();
    }

    private static String parentOf(List<JsonMappingException.Reference> references) {
        return path(references.isEmpty() ? references : references.subList(0, references.size() - 1));
    }

    private static String join(String path, String field) {
        return field.startsWith("[") ? path + field : path + "." + field;
    }

    private static String pointer(Object processor) {
        if (processor instanceof JsonParser parser && parser.getParsingContext() != null) {
            String pointer = parser.getParsingContext().pathAsPointer().toString();
            // JSON Pointer "/a/0/b" → "$.a[0].b"; field names were ours to parse, only quote the safe ones
            StringBuilder path = new StringBuilder("$");
            for (String segment : pointer.split("/")) {
                if (segment.isEmpty()) {
                    continue;
                }
                if (segment.chars().allMatch(Character::isDigit)) {
                    path.append('[').append(segment).append(']');
                } else {
                    path.append('.').append(QUOTABLE_FIELD.matcher(segment).matches() ? segment : "?");
                }
            }
            return path.toString();
        }
        return "$";
    }

    private static String jsonType(Class<?> target) {
        if (target == String.class || target.isEnum()) {
            return "string";
        }
        if (target == boolean.class || target == Boolean.class) {
            return "boolean";
        }
        if (target.isPrimitive() || Number.class.isAssignableFrom(target)) {
            return "integer";
        }
        if (List.class.isAssignableFrom(target)) {
            return "array";
        }
        // value types (BindingId, Fingerprint …) are records written as strings through @JsonValue
        boolean valueType = Arrays.stream(target.getMethods()).anyMatch(m -> m.isAnnotationPresent(JsonValue.class));
        return target.isRecord() && !valueType ? "object" : "string";
    }
}
