package dev.credrift.app.config.yaml;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One node of a YAML document, with the (1-based) line it starts on. */
public sealed interface YamlNode {

    int line();

    /** A short name of the node's kind for messages ("a mapping", "a list", "a value"). */
    String kindName();

    /** A mapping; keys keep their order and the line they were written on. */
    record Mapping(int line, Map<String, Entry> entries) implements YamlNode {
        public Mapping {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        @Override
        public String kindName() {
            return "a mapping";
        }
    }

    /** A key of a mapping with its value. */
    record Entry(String key, int keyLine, YamlNode value) {
        public Entry {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }

    /** A sequence. */
    record Sequence(int line, List<YamlNode> items) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String kindName() {
            return "a list";
        }
    }

    /**
     * A scalar. {@code text} is the scalar as written ({@code null} for YAML null: {@code ~}, {@code null} or
     * nothing). Its {@code toString} leaves the text out: a scalar may be a secret someone wrote inline.
     */
    record Scalar(int line, String text) implements YamlNode {
        public boolean isNull() {
            return text == null;
        }

        @Override
        public String kindName() {
            return isNull() ? "empty" : "a value";
        }

        @Override
        public String toString() {
            return "Scalar[line=" + line + (isNull() ? ", null" : "") + "]";
        }
    }
}
