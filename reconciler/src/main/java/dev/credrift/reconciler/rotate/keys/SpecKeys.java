package dev.credrift.reconciler.rotate.keys;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A {@code CephObjectStoreUser}'s {@code spec.keys} (Rook 1.17+): each entry names the Secret and data key of an
 * access key id ({@code accessKeyRef}) and of its secret ({@code secretKeyRef}), in the user's namespace. Rook gives
 * the RGW user exactly these keys. Pure: read from and written back to the resource by {@link RookSpecKeys}.
 *
 * @param entries the entries in order
 */
record SpecKeys(List<Entry> entries) {

    /** Where credrift's own key Secrets keep the access key id and the secret (Rook's names). */
    static final String ACCESS_KEY = KeySecret.ACCESS_KEY;

    static final String SECRET_KEY = KeySecret.SECRET_KEY;

    /**
     * One entry.
     *
     * @param accessSecret the Secret holding the access key id
     * @param accessKey    its data key
     * @param secretSecret the Secret holding the secret
     * @param secretKey    its data key
     */
    record Entry(String accessSecret, String accessKey, String secretSecret, String secretKey) {

        /** An entry for one of credrift's key Secrets. */
        static Entry owned(String secretName) {
            return new Entry(secretName, ACCESS_KEY, secretName, SECRET_KEY);
        }

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("accessKeyRef", ref(accessSecret, accessKey));
            map.put("secretKeyRef", ref(secretSecret, secretKey));
            return map;
        }

        private static Map<String, Object> ref(String name, String key) {
            Map<String, Object> ref = new LinkedHashMap<>();
            ref.put("name", name);
            ref.put("key", key);
            return ref;
        }
    }

    SpecKeys {
        entries = List.copyOf(entries);
    }

    /**
     * Reads {@code spec.keys} as the API server returned it.
     *
     * @throws IllegalArgumentException naming {@code spec.keys[i]} and the field that is not a Secret reference
     */
    static SpecKeys parse(Object keys) {
        if (keys == null) {
            return new SpecKeys(List.of());
        }
        if (!(keys instanceof List<?> list)) {
            throw new IllegalArgumentException("spec.keys is not a list");
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Map<?, ?> entry = list.get(i) instanceof Map<?, ?> m ? m : Map.of();
            String[] access = ref(entry.get("accessKeyRef"), "spec.keys[" + i + "].accessKeyRef");
            String[] secret = ref(entry.get("secretKeyRef"), "spec.keys[" + i + "].secretKeyRef");
            entries.add(new Entry(access[0], access[1], secret[0], secret[1]));
        }
        return new SpecKeys(entries);
    }

    private static String[] ref(Object ref, String field) {
        Map<?, ?> map = ref instanceof Map<?, ?> m ? m : Map.of();
        Object name = map.get("name");
        Object key = map.get("key");
        if (!(name instanceof String n) || n.isBlank() || !(key instanceof String k) || k.isBlank()) {
            throw new IllegalArgumentException(field + " must name a Secret and a key");
        }
        return new String[] {n, k};
    }

    /** Whether an entry takes its access key id from Secret {@code secretName}. */
    boolean references(String secretName) {
        return entries.stream().anyMatch(e -> e.accessSecret().equals(secretName));
    }

    /** The list with {@code entry} appended, unless it is there already (a repeated mint). */
    SpecKeys with(Entry entry) {
        if (entries.contains(entry)) {
            return this;
        }
        List<Entry> more = new ArrayList<>(entries);
        more.add(entry);
        return new SpecKeys(more);
    }

    /** The list without the entries {@code drop} accepts. */
    SpecKeys without(Predicate<Entry> drop) {
        return new SpecKeys(entries.stream().filter(drop.negate()).toList());
    }

    /** The entries {@code pick} accepts. */
    List<Entry> matching(Predicate<Entry> pick) {
        return entries.stream().filter(pick).toList();
    }

    /** As the API server takes it. */
    List<Map<String, Object>> toMaps() {
        return entries.stream().map(Entry::toMap).toList();
    }
}
