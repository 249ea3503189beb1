package dev.credrift.sandbox.sts;

/** XML text escaping for the AWS stand-in's documents. */
final class Xml {

    private Xml() {}

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
