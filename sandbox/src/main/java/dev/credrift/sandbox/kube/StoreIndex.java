package dev.credrift.sandbox.kube;

import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.crud.AttributeType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which stored keys a query can match at all: those of its kind (plural), narrowed to its namespace, and to its name
 * within the namespace, when the query names them (cluster-scoped kinds, with few objects, are not narrowed by name). Sets keep insertion order, so candidates come in the store's order. Keys without a plural
 * (fabric8 never stores one, but nothing forbids it) are candidates for every query. Not thread-safe: the dispatcher
 * reads it under fabric8's read lock and changes it under its write lock.
 */
final class StoreIndex {

    private final Map<String, Set<AttributeSet>> byPlural = new HashMap<>();
    private final Map<List<String>, Set<AttributeSet>> byNamespace = new HashMap<>();
    private final Map<List<String>, Set<AttributeSet>> byName = new HashMap<>();
    private final Set<AttributeSet> unindexed = new LinkedHashSet<>();

    void add(AttributeSet key) {
        String plural = value(key, KubernetesAttributesExtractor.PLURAL);
        if (plural == null) {
            unindexed.add(key);
            return;
        }
        byPlural.computeIfAbsent(plural, p -> new LinkedHashSet<>()).add(key);
        byNamespace
                .computeIfAbsent(namespaceKey(plural, key), k -> new LinkedHashSet<>())
                .add(key);
        String name = value(key, KubernetesAttributesExtractor.NAME);
        if (name != null) {
            byName.computeIfAbsent(nameKey(plural, key, name), k -> new LinkedHashSet<>())
                    .add(key);
        }
    }

    void remove(AttributeSet key) {
        String plural = value(key, KubernetesAttributesExtractor.PLURAL);
        if (plural == null) {
            unindexed.remove(key);
            return;
        }
        removeFrom(byPlural, plural, key);
        removeFrom(byNamespace, namespaceKey(plural, key), key);
        String name = value(key, KubernetesAttributesExtractor.NAME);
        if (name != null) {
            removeFrom(byName, nameKey(plural, key, name), key);
        }
    }

    void clear() {
        byPlural.clear();
        byNamespace.clear();
        byName.clear();
        unindexed.clear();
    }

    /**
     * The keys that may match {@code query}, in store order; every stored key ({@code all}) when the query names no
     * kind.
     */
    List<AttributeSet> candidates(AttributeSet query, Collection<AttributeSet> all) {
        String plural = required(query, KubernetesAttributesExtractor.PLURAL);
        if (plural == null) {
            return new ArrayList<>(all);
        }
        String name = required(query, KubernetesAttributesExtractor.NAME);
        String namespace = required(query, KubernetesAttributesExtractor.NAMESPACE);
        Set<AttributeSet> bucket;
        if (name != null && namespace != null) {
            bucket = byName.get(List.of(plural, namespace, name));
        } else if (namespace != null) {
            bucket = byNamespace.get(List.of(plural, namespace));
        } else {
            bucket = byPlural.get(plural);
        }
        List<AttributeSet> candidates = new ArrayList<>(bucket == null ? Set.of() : bucket);
        candidates.addAll(unindexed);
        return candidates;
    }

    private static List<String> nameKey(String plural, AttributeSet key, String name) {
        List<String> namespace = namespaceKey(plural, key);
        return List.of(plural, namespace.get(1), name);
    }

    private static List<String> namespaceKey(String plural, AttributeSet key) {
        String namespace = value(key, KubernetesAttributesExtractor.NAMESPACE);
        // cluster-scoped objects: List.of refuses null, and "" is no namespace's name
        return List.of(plural, namespace == null ? "" : namespace);
    }

    private static void removeFrom(Map<? extends Object, Set<AttributeSet>> index, Object bucketKey, AttributeSet key) {
        Set<AttributeSet> bucket = index.get(bucketKey);
        if (bucket != null) {
            bucket.remove(key);
            if (bucket.isEmpty()) {
                index.remove(bucketKey);
            }
        }
    }

    /** A query attribute that every match must hold with exactly this one value (not a selector, not a wildcard). */
    private static String required(AttributeSet query, String name) {
        Attribute attribute = query.getAttribute(name);
        if (attribute == null || attribute.getType() != AttributeType.WITH) {
            return null;
        }
        String value = single(attribute);
        return value == null || "*".equals(value) ? null : value;
    }

    private static String value(AttributeSet key, String name) {
        Attribute attribute = key.getAttribute(name);
        return attribute == null ? null : single(attribute);
    }

    private static String single(Attribute attribute) {
        return attribute.getValues().size() == 1 ? attribute.getValues().get(0).toString() : null;
    }
}
