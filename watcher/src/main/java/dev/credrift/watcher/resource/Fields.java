package dev.credrift.watcher.resource;

import java.util.List;
import java.util.Map;

/**
 * Reads fields of untyped objects (a {@code GenericKubernetesResource}'s maps and lists) without trusting their
 * shape: a path through something that is not a map simply ends.
 */
public final class Fields {

    private Fields() {}

    /** The value at {@code path}, or {@code null} when any step is absent or not a map. */
    public static Object at(Object root, String... path) {
        Object current = root;
        for (String step : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(step);
        }
        return current;
    }

    /** The string at {@code path}, or {@code null} when absent or not a string. */
    public static String string(Object root, String... path) {
        return at(root, path) instanceof String s ? s : null;
    }

    /** The list at {@code path}, or an empty list when absent or not a list. */
    public static List<?> list(Object root, String... path) {
        return at(root, path) instanceof List<?> l ? l : List.of();
    }
}
