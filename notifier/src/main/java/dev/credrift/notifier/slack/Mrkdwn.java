package dev.credrift.notifier.slack;

/**
 * Slack mrkdwn escaping. Slack reads {@code <…>} as links and mentions ({@code <!channel>}), so text from
 * events must have {@code & < >} escaped; backticks would end a code span early.
 */
final class Mrkdwn {

    private Mrkdwn() {}

    /** Text shown as is. */
    static String text(String raw) {
        return raw.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Text in a code span: {@code `…`}. */
    static String code(String raw) {
        return "`" + text(raw).replace('`', '\'') + "`";
    }
}
