package dev.credrift.sandbox.world.file;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.credrift.sandbox.world.spec.SourceLocation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses one YAML document into {@link YamlNode}s that remember their line and column (Jackson's token
 * locations). Duplicate keys, a second document and YAML syntax errors are reported with their location; the
 * parser's own message is cut to its first line and stripped of quoted text, because YAML parsers like to echo the
 * offending line — which may hold a secret.
 */
final class YamlTree {

    private static final YAMLFactory YAML = YAMLFactory.builder().build();

    private YamlTree() {}

    static YamlNode parse(String file, String text) {
        try (JsonParser parser = YAML.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new WorldFileException(new SourceLocation(file, 1, 1), "", "the file is empty");
            }
            YamlNode root = read(parser, file, "");
            JsonToken next = parser.nextToken();
            if (next != null) {
                throw new WorldFileException(
                        location(file, parser.currentTokenLocation()),
                        "",
                        "a world file holds one YAML document; remove the '---' and what follows");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new WorldFileException(location(file, e.getLocation()), "", syntaxProblem(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new WorldFileException(new SourceLocation(file, 1, 1), "", "cannot be read: " + e.getMessage());
        }
    }

    private static YamlNode read(JsonParser parser, String file, String path) throws IOException {
        SourceLocation here = location(file, parser.currentTokenLocation());
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                LinkedHashMap<String, YamlNode> entries = new LinkedHashMap<>();
                Map<String, SourceLocation> keys = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    SourceLocation keyLocation = location(file, parser.currentTokenLocation());
                    String childPath = path.isEmpty() ? key : path + "." + key;
                    if (entries.containsKey(key)) {
                        throw new WorldFileException(
                                keyLocation,
                                childPath,
                                "duplicate key (first at line " + keys.get(key).line() + ")");
                    }
                    parser.nextToken();
                    keys.put(key, keyLocation);
                    entries.put(key, read(parser, file, childPath));
                }
                return new YamlNode.MapNode(here, path, entries, keys);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                int index = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(parser, file, path + "[" + index++ + "]"));
                }
                return new YamlNode.ListNode(here, path, items);
            }
            case VALUE_STRING -> {
                return new YamlNode.ScalarNode(here, path, parser.getText());
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new YamlNode.ScalarNode(here, path, parser.getNumberValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new YamlNode.ScalarNode(here, path, parser.getBooleanValue());
            }
            case VALUE_NULL -> {
                return new YamlNode.ScalarNode(here, path, null);
            }
            default -> throw new WorldFileException(here, path, "unsupported YAML construct (" + token + ")");
        }
    }

    private static SourceLocation location(String file, JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return new SourceLocation(file, 1, 1);
        }
        return new SourceLocation(file, location.getLineNr(), Math.max(1, location.getColumnNr()));
    }

    /**
     * What is wrong, in words for a person editing the file: the parser's phrases for bad indentation ("expected
     * &lt;block end&gt;", "mapping values are not allowed here") become a hint; other syntax errors keep the parser's
     * first line, sanitized.
     */
    static String syntaxProblem(String message) {
        String text = message == null ? "" : message;
        if (text.contains("expected <block end>, but found '?'")) {
            return "bad indentation: a key is lined up with the '-' of the list above it; indent it under its list"
                    + " item, or start a new item with '- '";
        }
        if (text.contains("expected <block end>")) {
            return "bad indentation: this line is indented less than the one before it but more than its parent;"
                    + " line it up with the keys or '-' items it belongs with (spaces, not tabs)";
        }
        if (text.contains("mapping values are not allowed here")) {
            return "bad indentation: this key is indented under a key that already has a value; line it up with"
                    + " that key (or, if the value itself holds ': ', quote it)";
        }
        return "not valid YAML: " + sanitize(message);
    }

    static String sanitize(String message) {
        if (message == null) {
            return "syntax error";
        }
        String firstLine = message.strip().lines().findFirst().orElse("syntax error");
        return firstLine.replaceAll("'[^']*'", "'…'").replaceAll("\"[^\"]*\"", "\"…\"");
    }
}
