package dev.credrift.sandbox.world.file;

import dev.credrift.sandbox.world.spec.SourceLocation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A YAML value with the place it was written and its field path. */
sealed interface YamlNode {

    /** Where the value starts. */
    SourceLocation location();

    /** e.g. {@code timeline[0].rotateRookUser}; empty for the root. */
    String path();

    /** What a person would call this kind of value, for error messages. */
    String kindName();

    /** A mapping; keys keep their order and their own locations. */
    record MapNode(
            SourceLocation location,
            String path,
            LinkedHashMap<String, YamlNode> entries,
            Map<String, SourceLocation> keyLocations)
            implements YamlNode {
        @Override
        public String kindName() {
            return "a mapping";
        }
    }

    /** A sequence. */
    record ListNode(SourceLocation location, String path, List<YamlNode> items) implements YamlNode {
        @Override
        public String kindName() {
            return "a list";
        }
    }

    /**
     * A scalar: a {@link String}, {@link Boolean}, {@link Number}, or {@code null}.
     *
     * @param value the value as YAML typed it
     */
    record ScalarNode(SourceLocation location, String path, Object value) implements YamlNode {
        @Override
        public String kindName() {
            return value == null
                    ? "null"
                    : value instanceof String ? "text" : value instanceof Boolean ? "a boolean" : "a number";
        }

        /** Never the value: it may be a secret. */
        @Override
        public String toString() {
            return "ScalarNode[" + location + ", " + path + "]";
        }
    }
}
