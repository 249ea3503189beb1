package dev.credrift.notifier.slack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Builds a Block Kit message and keeps it inside Slack's limits, truncating rather than failing (Slack
 * answers {@code invalid_blocks} to a message over a limit, and the notification would be lost).
 */
public final class BlockKit {

    /** Blocks per message. */
    public static final int MAX_BLOCKS = 50;
    /** Characters of a section's text. */
    public static final int MAX_SECTION_TEXT = 3000;
    /** Characters of a header's text. */
    public static final int MAX_HEADER_TEXT = 150;
    /** Fields of a section. */
    public static final int MAX_FIELDS = 10;
    /** Characters of one field. */
    public static final int MAX_FIELD_TEXT = 2000;
    /** Elements of a context block. */
    public static final int MAX_CONTEXT_ELEMENTS = 10;
    /** Characters of the notification fallback text (Slack truncates at 40,000; keep it short). */
    public static final int MAX_FALLBACK_TEXT = 3000;

    static final String ELLIPSIS = "\u2026";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ArrayNode blocks = JSON.arrayNode();

    /** A header: plain text with emoji shortcodes. */
    public BlockKit header(String plainText) {
        ObjectNode block = blocks.addObject().put("type", "header");
        block.putObject("text")
                .put("type", "plain_text")
                .put("text", truncate(plainText, MAX_HEADER_TEXT))
                .put("emoji", true);
        return this;
    }

    /** A section of mrkdwn text. */
    public BlockKit section(String mrkdwn) {
        ObjectNode block = blocks.addObject().put("type", "section");
        block.putObject("text").put("type", "mrkdwn").put("text", truncate(mrkdwn, MAX_SECTION_TEXT));
        return this;
    }

    /** A section of mrkdwn fields, shown in two columns. */
    public BlockKit fields(List<String> mrkdwn) {
        ObjectNode block = blocks.addObject().put("type", "section");
        ArrayNode fields = block.putArray("fields");
        mrkdwn.stream()
                .limit(MAX_FIELDS)
                .forEach(text -> fields.addObject().put("type", "mrkdwn").put("text", truncate(text, MAX_FIELD_TEXT)));
        return this;
    }

    /** A context block: small print. */
    public BlockKit context(List<String> mrkdwn) {
        ObjectNode block = blocks.addObject().put("type", "context");
        ArrayNode elements = block.putArray("elements");
        mrkdwn.stream()
                .limit(MAX_CONTEXT_ELEMENTS)
                .forEach(text ->
                        elements.addObject().put("type", "mrkdwn").put("text", truncate(text, MAX_SECTION_TEXT)));
        return this;
    }

    /** A divider. */
    public BlockKit divider() {
        blocks.addObject().put("type", "divider");
        return this;
    }

    /** How many blocks so far. */
    public int size() {
        return blocks.size();
    }

    /**
     * The message: fallback text (what notifications and screen readers show) and the blocks, at most
     * {@link #MAX_BLOCKS}: beyond that the last kept block says how many were left out.
     */
    public ObjectNode message(String fallbackText) {
        ArrayNode kept = blocks;
        if (blocks.size() > MAX_BLOCKS) {
            kept = JSON.arrayNode();
            for (int i = 0; i < MAX_BLOCKS - 1; i++) {
                kept.add(blocks.get(i));
            }
            ObjectNode note = kept.addObject().put("type", "context");
            note.putArray("elements")
                    .addObject()
                    .put("type", "mrkdwn")
                    .put(
                            "text",
                            "_" + (blocks.size() - MAX_BLOCKS + 1) + " more blocks left out (Slack's limit is "
                                    + MAX_BLOCKS + ")_");
        }
        ObjectNode message = JSON.objectNode();
        message.put("text", truncate(fallbackText, MAX_FALLBACK_TEXT));
        message.set("blocks", kept);
        return message;
    }

    /**
     * Shortens text to at most {@code max} UTF-16 units (never more characters than Slack counts),
     * ending with "…", without splitting a surrogate pair.
     */
    public static String truncate(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - ELLIPSIS.length();
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + ELLIPSIS;
    }
}
