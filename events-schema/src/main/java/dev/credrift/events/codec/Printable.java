package dev.credrift.events.codec;

// What may be quoted from a foreign record in a failure detail: short printable ASCII tokens
// (header values such as ce_type), never payload values.
final class Printable {

    private static final int TOKEN_MAX = 128;

    private Printable() {}

    static boolean isToken(String value) {
        return value != null
                && !value.isEmpty()
                && value.length() <= TOKEN_MAX
                && value.chars().allMatch(c -> c >= '!' && c <= '~');
    }

    /** Quotes short printable ASCII (spaces allowed), hides anything else. */
    static String quoteOrHide(String value) {
        boolean printable =
                value != null && value.length() <= TOKEN_MAX && value.chars().allMatch(c -> c >= ' ' && c <= '~');
        return printable ? "'" + value + "'" : "(not printable)";
    }
}
