package dev.credrift.sandbox.emulate.eso;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * ESO's {@code utils.ObjectHash}: the MD5 of Go's {@code fmt.Sprintf("%+v", object)}, reproduced for the shapes
 * ESO hashes, so that the values the emulator writes ({@code status.syncedResourceVersion}, the
 * {@code data-hash} annotation, the {@code created-by} label) are the ones ESO would write. Go prints maps with
 * sorted keys ({@code map[a:1 b:2]}), a nil map as {@code map[]}, byte slices as {@code [104 105]}.
 */
public final class GoObjectHash {

    private GoObjectHash() {}

    /**
     * ESO's {@code hashMeta}: the hash of {@code struct{annotations, labels map[string]string}}, printed as
     * {@code {annotations:map[...] labels:map[...]}}.
     */
    public static String meta(Map<String, String> annotations, Map<String, String> labels) {
        return md5Hex("{annotations:" + stringMap(annotations) + " labels:" + stringMap(labels) + "}");
    }

    /** ESO's synced resource version: {@code <generation>-<hashMeta>}. */
    public static String resourceVersion(long generation, Map<String, String> annotations, Map<String, String> labels) {
        return generation + "-" + meta(annotations, labels);
    }

    /** The hash of a Secret's {@code data} ({@code map[string][]byte}), ESO's {@code data-hash} annotation. */
    public static String data(Map<String, byte[]> data) {
        StringBuilder text = new StringBuilder("map[");
        boolean first = true;
        for (Map.Entry<String, byte[]> entry : sorted(data).entrySet()) {
            if (!first) {
                text.append(' ');
            }
            first = false;
            text.append(entry.getKey()).append(":[");
            byte[] bytes = entry.getValue();
            for (int i = 0; i < bytes.length; i++) {
                if (i > 0) {
                    text.append(' ');
                }
                text.append(bytes[i] & 0xff);
            }
            text.append(']');
        }
        return md5Hex(text.append(']').toString());
    }

    /** The hash of a plain string, e.g. {@code <namespace>/<name>} for the {@code created-by} label. */
    public static String string(String value) {
        return md5Hex(value);
    }

    private static String stringMap(Map<String, String> map) {
        StringBuilder text = new StringBuilder("map[");
        boolean first = true;
        for (Map.Entry<String, String> entry : sorted(map).entrySet()) {
            if (!first) {
                text.append(' ');
            }
            first = false;
            text.append(entry.getKey()).append(':').append(entry.getValue());
        }
        return text.append(']').toString();
    }

    // Go sorts string keys by bytes; for UTF-8 that is code point order, which TreeMap's natural order matches
    // for the ASCII keys Kubernetes allows in labels, annotations and data
    private static <V> Map<String, V> sorted(Map<String, V> map) {
        return map == null ? Map.of() : new TreeMap<>(map);
    }

    private static String md5Hex(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is unavailable in this JVM", e);
        }
    }
}
