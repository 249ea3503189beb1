package dev.credrift.app.config.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one YAML document into {@link YamlNode}s. Duplicate keys are an error (YAML says so, and a silently
 * ignored first {@code url:} is a nasty surprise); an empty document is an empty mapping.
 */
public final class YamlTreeReader {

    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

    private YamlTreeReader() {}

    /** @throws YamlSyntaxException with the position of the problem, never a quote of the text */
    public static YamlNode read(String text) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new YamlNode.Mapping(1, Map.of());
            }
            return node(parser);
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            throw new YamlSyntaxException(
                    location == null ? 0 : location.getLineNr(),
                    location == null ? 0 : location.getColumnNr(),
                    "is not valid YAML here (check indentation, quoting and ':')");
        } catch (IOException e) {
            throw new YamlSyntaxException(
                    0, 0, "could not be read as YAML (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static YamlNode node(JsonParser parser) throws IOException {
        int line = parser.currentTokenLocation().getLineNr();
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    int keyLine = parser.currentTokenLocation().getLineNr();
                    parser.nextToken();
                    YamlNode value = node(parser);
                    if (entries.containsKey(key)) {
                        throw new YamlSyntaxException(
                                keyLine,
                                0,
                                "repeats the key '" + printableKey(key) + "' (first on line "
                                        + entries.get(key).keyLine() + ")");
                    }
                    entries.put(key, new YamlNode.Entry(key, keyLine, value));
                }
                return new YamlNode.Mapping(line, entries);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(node(parser));
                }
                return new YamlNode.Sequence(line, items);
            }
            case VALUE_NULL -> {
                return new YamlNode.Scalar(line, null);
            }
            default -> {
                return new YamlNode.Scalar(line, parser.getText());
            }
        }
    }

    /** Keys are names, not values; still, keep a pasted secret used as a key out of messages. */
    static String printableKey(String key) {
        return key.length() <= 64 && key.chars().allMatch(c -> c >= ' ' && c <= '~')
                ? key
                : "(a long or unprintable key)";
    }
}
