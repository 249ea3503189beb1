package dev.credrift.sandbox.world.file;

import dev.credrift.api.spec.GoDuration;
import dev.credrift.sandbox.world.spec.SourceLocation;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one mapping of a world file, field by field, turning every problem into a {@link WorldFileException} at the
 * field's own line; {@link #done()} rejects fields nobody asked for, so a typo never passes silently.
 */
final class Fields {

    private final YamlNode.MapNode node;
    private final Set<String> read = new HashSet<>();

    private Fields(YamlNode.MapNode node) {
        this.node = node;
    }

    /** {@code node} as a mapping, or an error saying what it should have been. */
    static Fields of(YamlNode node, String what) {
        if (node instanceof YamlNode.MapNode map) {
            return new Fields(map);
        }
        throw new WorldFileException(
                node.location(), node.path(), "must be " + what + " (a mapping), not " + node.kindName());
    }

    SourceLocation location() {
        return node.location();
    }

    String path() {
        return node.path();
    }

    Set<String> keys() {
        return node.entries().keySet();
    }

    boolean has(String key) {
        return node.entries().containsKey(key);
    }

    Optional<YamlNode> optionalNode(String key) {
        read.add(key);
        YamlNode child = node.entries().get(key);
        if (child instanceof YamlNode.ScalarNode scalar && scalar.value() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(child);
    }

    YamlNode node(String key) {
        return optionalNode(key).orElseThrow(() -> missing(key));
    }

    String string(String key) {
        return optionalString(key).orElseThrow(() -> missing(key));
    }

    Optional<String> optionalString(String key) {
        return optionalNode(key).map(Fields::text);
    }

    /** A scalar as text: YAML's {@code True} and {@code 5} count as text where text is asked for. */
    static String text(YamlNode value) {
        if (value instanceof YamlNode.ScalarNode scalar && scalar.value() != null) {
            String text = scalar.value() instanceof Boolean b
                    ? (b ? "True" : "False")
                    : scalar.value().toString();
            if (text.isBlank()) {
                throw new WorldFileException(value.location(), value.path(), "must not be empty");
            }
            return text;
        }
        throw new WorldFileException(value.location(), value.path(), "must be text, not " + value.kindName());
    }

    Duration duration(String key, Duration fallback) {
        return optionalDuration(key).orElse(fallback);
    }

    Duration requiredDuration(String key) {
        return optionalDuration(key).orElseThrow(() -> missing(key));
    }

    Optional<Duration> optionalDuration(String key) {
        return optionalNode(key).map(value -> {
            String text = text(value);
            Duration duration = GoDuration.parse(text)
                    .orElseThrow(() -> new WorldFileException(
                            value.location(), value.path(), "must be a duration such as 2s, 90s or 1m30s"));
            if (duration.isNegative()) {
                throw new WorldFileException(value.location(), value.path(), "must not be negative");
            }
            return duration;
        });
    }

    boolean bool(String key, boolean fallback) {
        return optionalNode(key)
                .map(value -> {
                    if (value instanceof YamlNode.ScalarNode scalar && scalar.value() instanceof Boolean b) {
                        return b;
                    }
                    throw new WorldFileException(value.location(), value.path(), "must be true or false");
                })
                .orElse(fallback);
    }

    int integer(String key) {
        YamlNode value = node(key);
        if (value instanceof YamlNode.ScalarNode scalar
                && scalar.value() instanceof Number n
                && n.doubleValue() == Math.rint(n.doubleValue())
                && n.longValue() >= 0
                && n.longValue() <= Integer.MAX_VALUE) {
            return n.intValue();
        }
        throw new WorldFileException(value.location(), value.path(), "must be a whole number, 0 or more");
    }

    Fields map(String key, String what) {
        return Fields.of(node(key), what);
    }

    Optional<Fields> optionalMap(String key, String what) {
        return optionalNode(key).map(value -> Fields.of(value, what));
    }

    List<YamlNode> list(String key) {
        return optionalNode(key)
                .map(value -> {
                    if (value instanceof YamlNode.ListNode list) {
                        return list.items();
                    }
                    throw new WorldFileException(
                            value.location(), value.path(), "must be a list, not " + value.kindName());
                })
                .orElse(List.of());
    }

    List<String> strings(String key) {
        return list(key).stream().map(Fields::text).toList();
    }

    /** The one key of {@code choices} this mapping has, or an error saying it needs one (or has more). */
    String oneOf(Collection<String> choices, String what) {
        List<String> given = keys().stream().filter(choices::contains).toList();
        if (given.size() != 1) {
            throw new WorldFileException(
                    location(),
                    path(),
                    given.isEmpty()
                            ? "needs one " + what + ": "
                                    + choices.stream().sorted().toList()
                            : "has more than one " + what + ": " + given);
        }
        return given.get(0);
    }

    /** Rejects every field not read. */
    void done() {
        for (String key : node.entries().keySet()) {
            if (!read.contains(key)) {
                throw new WorldFileException(
                        node.keyLocations().get(key),
                        child(key),
                        "unknown field"
                                + (read.isEmpty()
                                        ? ""
                                        : "; expected one of "
                                                + read.stream().sorted().toList()));
            }
        }
    }

    /** {@link #done()}, then {@code value}: for reading a mapping in one expression. */
    <T> T done(T value) {
        done();
        return value;
    }

    WorldFileException error(String key, String problem) {
        YamlNode value = node.entries().get(key);
        SourceLocation where = value != null ? value.location() : node.location();
        return new WorldFileException(where, child(key), problem);
    }

    /**
     * A required field that is absent: when an unread field is a near miss for it (the typo in {@code {usr: loki}}),
     * the typo is what is wrong, so that is what the error names.
     */
    private WorldFileException missing(String key) {
        List<String> unread =
                node.entries().keySet().stream().filter(k -> !read.contains(k)).toList();
        Optional<String> typo = NearestName.to(key, unread);
        if (typo.isPresent()) {
            return new WorldFileException(
                    node.keyLocations().get(typo.get()), child(typo.get()), "unknown field; did you mean " + key + "?");
        }
        return new WorldFileException(node.location(), child(key), "is required");
    }

    private String child(String key) {
        return node.path().isEmpty() ? key : node.path() + "." + key;
    }
}
