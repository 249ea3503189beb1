package dev.credrift.app.config;

import dev.credrift.app.cli.DurationConverter;
import dev.credrift.app.config.yaml.YamlNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine;

/**
 * A position in the configuration tree — a node and the dotted path that leads to it — with typed readers that
 * fail with an {@link InvalidConfigException} naming the file, the line and the field. Readers of values that may
 * be secret never put the value in a message; readers of plain settings (numbers, durations, names) may, because
 * seeing {@code '10x'} is what makes the mistake obvious.
 */
final class ConfigCursor {

    private final Path file;
    private final String path;
    private final YamlNode node;
    private final int line;

    private ConfigCursor(Path file, String path, YamlNode node, int line) {
        this.file = file;
        this.path = path;
        this.node = node;
        this.line = line;
    }

    static ConfigCursor root(Path file, YamlNode node) {
        return new ConfigCursor(file, "", node, node.line());
    }

    String path() {
        return path;
    }

    Path file() {
        return file;
    }

    int line() {
        return line;
    }

    InvalidConfigException error(String problem) {
        return new InvalidConfigException(file, line, path, problem);
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private Map<String, YamlNode.Entry> entries() {
        if (node instanceof YamlNode.Mapping mapping) {
            return mapping.entries();
        }
        if (node instanceof YamlNode.Scalar scalar && scalar.isNull()) {
            return Map.of();
        }
        throw error("must be a mapping (key: value lines), found " + node.kindName());
    }

    /** Fails on the first key not in {@code known}, naming it and listing what is allowed. */
    ConfigCursor allowOnly(String... known) {
        Set<String> allowed = new TreeSet<>(List.of(known));
        for (YamlNode.Entry entry : entries().values()) {
            if (!allowed.contains(entry.key())) {
                String key = entry.key().length() <= 64 && entry.key().chars().allMatch(c -> c >= ' ' && c <= '~')
                        ? entry.key()
                        : "(a long or unprintable key)";
                throw new InvalidConfigException(
                        file,
                        entry.keyLine(),
                        child(key),
                        "is not a known field here; known: " + String.join(", ", allowed));
            }
        }
        return this;
    }

    /** The field, if present and not null. */
    Optional<ConfigCursor> optional(String key) {
        YamlNode.Entry entry = entries().get(key);
        if (entry == null || (entry.value() instanceof YamlNode.Scalar scalar && scalar.isNull())) {
            return Optional.empty();
        }
        int valueLine = entry.value().line() > 0 ? entry.value().line() : entry.keyLine();
        return Optional.of(new ConfigCursor(file, child(key), entry.value(), valueLine));
    }

    ConfigCursor required(String key) {
        return optional(key).orElseThrow(() -> missing(key, "is required"));
    }

    /** An error about a field that is absent: reported at this node's line. */
    InvalidConfigException missing(String key, String problem) {
        return new InvalidConfigException(file, line, child(key), problem);
    }

    boolean has(String key) {
        return optional(key).isPresent();
    }

    /** The items of a list (an absent or null list is empty). */
    List<ConfigCursor> items() {
        if (node instanceof YamlNode.Scalar scalar && scalar.isNull()) {
            return List.of();
        }
        if (!(node instanceof YamlNode.Sequence sequence)) {
            throw error("must be a list ('- item' lines or [a, b]), found " + node.kindName());
        }
        List<ConfigCursor> items = new ArrayList<>();
        for (int i = 0; i < sequence.items().size(); i++) {
            YamlNode item = sequence.items().get(i);
            items.add(new ConfigCursor(file, path + "[" + i + "]", item, item.line()));
        }
        return items;
    }

    /** A mapping of names to plain values, in file order. */
    Map<String, ConfigCursor> fields() {
        Map<String, ConfigCursor> fields = new LinkedHashMap<>();
        for (YamlNode.Entry entry : entries().values()) {
            fields.put(
                    entry.key(),
                    new ConfigCursor(
                            file,
                            child(entry.key()),
                            entry.value(),
                            entry.value().line() > 0 ? entry.value().line() : entry.keyLine()));
        }
        return fields;
    }

    boolean isMapping() {
        return node instanceof YamlNode.Mapping;
    }

    /** A non-empty scalar; the message does not quote it. */
    String text() {
        if (!(node instanceof YamlNode.Scalar scalar) || scalar.isNull()) {
            throw error("must be a single value, found " + node.kindName());
        }
        if (scalar.text().isBlank()) {
            throw error("must not be blank");
        }
        return scalar.text().trim();
    }

    List<String> texts() {
        List<String> values = new ArrayList<>();
        for (ConfigCursor item : items()) {
            values.add(item.text());
        }
        return values;
    }

    int integer(int min, int max) {
        String text = text();
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw error("must be a whole number, got '" + shortened(text) + "'");
        }
        if (value < min || value > max) {
            throw error("must be " + min + " to " + max + ", got " + value);
        }
        return value;
    }

    boolean bool() {
        String text = text().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw error("must be true or false, got '" + shortened(text) + "'");
        };
    }

    Duration duration() {
        String text = text();
        try {
            return DurationConverter.parse(text);
        } catch (CommandLine.TypeConversionException e) {
            throw error(
                    "'" + shortened(text) + "' is not a duration; use e.g. 500ms, 10s, 2m, 1h or ISO-8601 like PT10S");
        }
    }

    Duration positiveDuration() {
        Duration duration = duration();
        if (duration.isZero() || duration.isNegative()) {
            throw error("must be a positive duration");
        }
        return duration;
    }

    Path filePath() {
        String text = text();
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw error("is not a valid file path");
        }
    }

    /** An http(s) URL without user info; the message does not quote it (URLs can carry tokens). */
    URI httpUrl() {
        String text = text();
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw error("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw error("must be an absolute http:// or https:// URL with a host");
        }
        if (uri.getUserInfo() != null) {
            throw error("must not carry user info (user:password@); credentials go in files");
        }
        return uri;
    }

    /** One of {@code choices} (case-insensitive), returned lowercase. */
    String choice(String... choices) {
        String text = text().toLowerCase(Locale.ROOT);
        for (String choice : choices) {
            if (choice.equals(text)) {
                return choice;
            }
        }
        throw error("must be one of " + String.join(", ", choices) + ", got '" + shortened(text) + "'");
    }

    /**
     * A reference to a secret: {@code {file: PATH}} or {@code {env: NAME}}. An inline value is refused without
     * repeating it: whoever wrote it must not find it again in a log.
     */
    SecretReference secretReference() {
        if (!isMapping()) {
            throw error("must be a reference to a secret, {file: PATH} or {env: VARIABLE}; inline secret values are not"
                    + " accepted (the value was not logged)");
        }
        allowOnly("file", "env");
        Optional<ConfigCursor> fileRef = optional("file");
        Optional<ConfigCursor> envRef = optional("env");
        if (fileRef.isPresent() == envRef.isPresent()) {
            throw error("must name exactly one of file or env");
        }
        if (fileRef.isPresent()) {
            return new SecretReference.File(fileRef.get().filePath());
        }
        String variable = envRef.get().text();
        if (!variable.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw envRef.get().error("must be an environment variable name (letters, digits, '_')");
        }
        return new SecretReference.Env(variable);
    }

    private static String shortened(String text) {
        String printable = text.chars().allMatch(c -> c >= ' ' && c <= '~') ? text : "(unprintable)";
        return printable.length() <= 40 ? printable : printable.substring(0, 37) + "...";
    }
}
