package dev.credrift.watcher.index;

import dev.credrift.events.BindingId;
import dev.credrift.watcher.resource.ObjectKey;
import dev.credrift.watcher.resource.WorkloadRef;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Object → bindings: which bindings must be looked at again, and in which facets, when a Secret, ExternalSecret,
 * CephObjectStoreUser or pod changes. Also answers which namespaces hold bindings (their pods are watched) and which
 * Secrets must be watched by name.
 *
 * <p>Not thread-safe: owned by the watch loop.
 */
public final class BindingIndex {

    private final Map<BindingId, BindingRefs> refs = new HashMap<>();
    private final Map<ObjectKey, Map<BindingId, EnumSet<Role>>> byObject = new HashMap<>();
    private final Map<WorkloadRef, Set<BindingId>> byConsumer = new HashMap<>();
    private final Map<String, Integer> bindingsPerNamespace = new HashMap<>();

    /** Records what a binding reads, replacing what it read before. */
    public void put(BindingRefs bindingRefs) {
        remove(bindingRefs.id());
        refs.put(bindingRefs.id(), bindingRefs);
        bindingRefs.source().ifPresent(source -> {
            link(source.secret(), bindingRefs.id(), Role.SOURCE_SECRET);
            if (source instanceof SourceRef.Rook rook) {
                link(rook.user(), bindingRefs.id(), Role.ROOK_USER);
            }
        });
        bindingRefs.externalSecret().ifPresent(es -> link(es, bindingRefs.id(), Role.EXTERNAL_SECRET));
        bindingRefs.replicaSecret().ifPresent(secret -> link(secret, bindingRefs.id(), Role.REPLICA_SECRET));
        for (WorkloadRef consumer : bindingRefs.consumers()) {
            byConsumer.computeIfAbsent(consumer, k -> new HashSet<>()).add(bindingRefs.id());
        }
        bindingsPerNamespace.merge(bindingRefs.namespace(), 1, Integer::sum);
    }

    /** Forgets a binding. */
    public void remove(BindingId id) {
        BindingRefs old = refs.remove(id);
        if (old == null) {
            return;
        }
        old.source().ifPresent(source -> {
            unlink(source.secret(), id);
            if (source instanceof SourceRef.Rook rook) {
                unlink(rook.user(), id);
            }
        });
        old.externalSecret().ifPresent(es -> unlink(es, id));
        old.replicaSecret().ifPresent(secret -> unlink(secret, id));
        for (WorkloadRef consumer : old.consumers()) {
            Set<BindingId> ids = byConsumer.get(consumer);
            if (ids != null && ids.remove(id) && ids.isEmpty()) {
                byConsumer.remove(consumer);
            }
        }
        bindingsPerNamespace.computeIfPresent(old.namespace(), (ns, count) -> count == 1 ? null : count - 1);
    }

    /** What a binding reads, if it is indexed. */
    public Optional<BindingRefs> refs(BindingId id) {
        return Optional.ofNullable(refs.get(id));
    }

    /** Every indexed binding. */
    public Set<BindingId> bindings() {
        return Set.copyOf(refs.keySet());
    }

    /** The bindings an object plays a part in, each with the facets its change touches. */
    public Map<BindingId, EnumSet<Facet>> affectedBy(ObjectKey key) {
        Map<BindingId, EnumSet<Role>> roles = byObject.get(key);
        Map<BindingId, EnumSet<Facet>> affected = new LinkedHashMap<>();
        if (roles == null) {
            return affected;
        }
        roles.forEach((id, rs) -> {
            EnumSet<Facet> facets = EnumSet.noneOf(Facet.class);
            rs.forEach(role -> facets.addAll(role.facets()));
            affected.put(id, facets);
        });
        return affected;
    }

    /** The bindings whose ExternalSecret or Rook user is {@code key}: their references must be resolved again. */
    public Set<BindingId> resolvingThrough(ObjectKey key) {
        Map<BindingId, EnumSet<Role>> roles = byObject.get(key);
        Set<BindingId> ids = new HashSet<>();
        if (roles != null) {
            roles.forEach((id, rs) -> {
                if (rs.contains(Role.EXTERNAL_SECRET) || rs.contains(Role.ROOK_USER)) {
                    ids.add(id);
                }
            });
        }
        return ids;
    }

    /**
     * The bindings whose consumers a pod may be: it reads one of their replicas (any of {@code secretsRead}, in the
     * pod's namespace) or belongs to a workload they list.
     */
    public Set<BindingId> consumedBy(String namespace, Collection<String> secretsRead, Optional<WorkloadRef> workload) {
        Set<BindingId> ids = new HashSet<>();
        for (String secret : secretsRead) {
            Map<BindingId, EnumSet<Role>> roles = byObject.get(ObjectKey.secret(namespace, secret));
            if (roles != null) {
                roles.forEach((id, rs) -> {
                    if (rs.contains(Role.REPLICA_SECRET)) {
                        ids.add(id);
                    }
                });
            }
        }
        workload.map(byConsumer::get).ifPresent(ids::addAll);
        return ids;
    }

    /** Namespaces holding at least one binding: their pods are watched. */
    public Set<String> namespaces() {
        return Set.copyOf(bindingsPerNamespace.keySet());
    }

    /** The bindings in a namespace. */
    public Set<BindingId> bindingsIn(String namespace) {
        Set<BindingId> ids = new HashSet<>();
        for (BindingId id : refs.keySet()) {
            if (id.namespace().equals(namespace)) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** Secrets no label informer covers, so they are watched one by one (field selector on the name). */
    public Set<ObjectKey> namedSecrets() {
        Set<ObjectKey> named = new HashSet<>();
        for (BindingRefs r : refs.values()) {
            r.source().filter(SourceRef.Named.class::isInstance).ifPresent(s -> named.add(s.secret()));
            if (r.replicaNamed()) {
                r.replicaSecret().ifPresent(named::add);
            }
        }
        return named;
    }

    private void link(ObjectKey key, BindingId id, Role role) {
        byObject.computeIfAbsent(key, k -> new HashMap<>())
                .computeIfAbsent(id, k -> EnumSet.noneOf(Role.class))
                .add(role);
    }

    private void unlink(ObjectKey key, BindingId id) {
        Map<BindingId, EnumSet<Role>> roles = byObject.get(key);
        if (roles != null && roles.remove(id) != null && roles.isEmpty()) {
            byObject.remove(key);
        }
    }

    /** For tests and stats: how many objects are indexed. */
    int objectCount() {
        return byObject.size();
    }
}
