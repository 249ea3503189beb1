package dev.credrift.sandbox.emulate.eso;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The corner of ESO's Go templates that credential replicas use: {@code {{ .key }}} and
 * {@code {{ index . "key" }}}, optionally piped through {@code toString}. Anything else is refused with a clear
 * message rather than rendered wrongly.
 */
final class TemplateRenderer {

    private static final Pattern ACTION = Pattern.compile("\\{\\{-?\\s*(.*?)\\s*-?}}");
    private static final Pattern DOT_KEY = Pattern.compile("\\.([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern INDEX_KEY = Pattern.compile("index\\s+\\.\\s+\"([^\"]+)\"");

    private TemplateRenderer() {}

    /** Renders every template value against the fetched values. */
    static Map<String, byte[]> render(Map<String, String> templateData, Map<String, byte[]> values)
            throws ProviderException {
        Map<String, byte[]> rendered = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : templateData.entrySet()) {
            rendered.put(entry.getKey(), renderOne(entry.getKey(), entry.getValue(), values));
        }
        return rendered;
    }

    private static byte[] renderOne(String secretKey, String template, Map<String, byte[]> values)
            throws ProviderException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Matcher action = ACTION.matcher(template);
        int last = 0;
        while (action.find()) {
            out.writeBytes(template.substring(last, action.start()).getBytes(StandardCharsets.UTF_8));
            String expression = action.group(1).replaceAll("\\s*\\|\\s*toString$", "");
            String key = keyOf(expression);
            if (key == null) {
                throw new ProviderException("could not execute template for key " + secretKey
                        + ": the sandbox renders only {{ .key }} and {{ index . \"key\" }}");
            }
            byte[] value = values.get(key);
            if (value == null) {
                throw new ProviderException(
                        "could not execute template for key " + secretKey + ": no value named " + key);
            }
            out.writeBytes(value);
            last = action.end();
        }
        out.writeBytes(template.substring(last).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static String keyOf(String expression) {
        Matcher dot = DOT_KEY.matcher(expression);
        if (dot.matches()) {
            return dot.group(1);
        }
        Matcher index = INDEX_KEY.matcher(expression);
        return index.matches() ? index.group(1) : null;
    }
}
