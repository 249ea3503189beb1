package dev.credrift.watcher;

import dev.credrift.events.BindingId;
import dev.credrift.events.ContractViolation;
import dev.credrift.events.LoggingKeys;
import dev.credrift.events.payload.BindingChanged;
import dev.credrift.events.payload.ResyncRequested;
import dev.credrift.watcher.cluster.ChangeListener;
import dev.credrift.watcher.cluster.ClusterCaches;
import dev.credrift.watcher.coalesce.Coalescer;
import dev.credrift.watcher.index.BindingIndex;
import dev.credrift.watcher.index.BindingRefs;
import dev.credrift.watcher.index.Facet;
import dev.credrift.watcher.observe.RefResolver;
import dev.credrift.watcher.resource.BindingRead;
import dev.credrift.watcher.resource.BindingReader;
import dev.credrift.watcher.resource.ObjectKey;
import dev.credrift.watcher.resource.ObjectKind;
import dev.credrift.watcher.resource.PodFacts;
import dev.credrift.watcher.resource.WorkloadRef;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loop's per-binding state: every binding's spec as read, the objects it resolves to (the {@link BindingIndex}),
 * and what it has not published yet. Cache changes mark the facets they affect on the {@link Coalescer} while the loop
 * is {@linkplain Activity#active() active}; the coalescer's flushes come back here and go out through the
 * {@link Emission}. Confined to the loop.
 */
final class BindingTracker implements ChangeListener {

    /** The reconciler's {@code Rotations.ROTATE_NOW}: the watcher does not depend on the reconciler. */
    static final String ROTATE_NOW = "credrift.dev/rotate-now";

    private static final Logger LOG = LoggerFactory.getLogger(BindingTracker.class);

    private static final Set<Facet> OBSERVED =
            EnumSet.of(Facet.SOURCE, Facet.EXTERNAL_SECRET, Facet.REPLICA, Facet.CONSUMERS, Facet.VAULT);

    private final BindingReader reader;
    private final ClusterCaches caches;
    private final Coalescer coalescer;
    private final Activity activity;
    private final VaultFacet vault;
    private final StatusWrites status;
    private final Emission emission;
    private final BindingIndex index = new BindingIndex();
    private final RefResolver resolver = new RefResolver();
    private final Map<BindingId, BindingState> states = new HashMap<>();
    // read by stats from other threads
    private volatile int count;

    BindingTracker(
            BindingReader reader,
            ClusterCaches caches,
            Coalescer coalescer,
            Activity activity,
            VaultFacet vault,
            StatusWrites status,
            Emission emission) {
        this.reader = reader;
        this.caches = caches;
        this.coalescer = coalescer;
        this.activity = activity;
        this.vault = vault;
        this.status = status;
        this.emission = emission;
    }

    /** How many bindings the loop knows, for stats; any thread. */
    int count() {
        return count;
    }

    // --- changes from the caches -------------------------------------------------------------------------------

    @Override
    public void bindingChanged(GenericKubernetesResource before, GenericKubernetesResource after) {
        if (after == null) {
            bindingDeleted(before);
            return;
        }
        Optional<BindingId> maybeId = idOf(after);
        if (maybeId.isEmpty()) {
            return;
        }
        BindingId id = maybeId.get();
        BindingState state = states.get(id);
        boolean created = state == null || state.deleted;
        boolean specChanged = created
                || !Objects.equals(spec(state.raw), spec(after))
                // a rotate-now request changes no generation but asks the reconciler for a rotation (issue 17)
                || !Objects.equals(rotateNow(state.raw), rotateNow(after))
                || !Objects.equals(
                        after.getMetadata().getGeneration(),
                        state.raw.getMetadata().getGeneration());
        if (state == null) {
            state = new BindingState();
            states.put(id, state);
            count = states.size();
        }
        state.raw = after;
        state.deleted = false;
        if (!specChanged) {
            // a status or metadata update (ours, the reconciler's): nothing to observe, but our condition may be gone
            status.ensure(id, state.raw, state.read);
            return;
        }
        state.read = reader.read(after);
        state.generation =
                Optional.ofNullable(after.getMetadata().getGeneration()).orElse(1L);
        if (state.pendingChange != BindingChanged.Change.CREATED) {
            state.pendingChange = created ? BindingChanged.Change.CREATED : BindingChanged.Change.UPDATED;
        }
        if (!state.read.valid()) {
            LOG.atInfo()
                    .addKeyValue(LoggingKeys.BINDING, id)
                    .log(
                            "Observe: spec is invalid: {}",
                            state.read.violations().stream()
                                    .filter(v -> v.isError())
                                    .map(Object::toString)
                                    .reduce((a, b) -> a + "; " + b)
                                    .orElse(""));
        }
        resolve(id, state);
        reconcileInformers();
        vault.retarget(id, state.read);
        status.ensure(id, state.raw, state.read);
        mark(id, EnumSet.allOf(Facet.class));
    }

    private void bindingDeleted(GenericKubernetesResource before) {
        Optional<BindingId> maybeId = idOf(before);
        if (maybeId.isEmpty()) {
            return;
        }
        BindingId id = maybeId.get();
        BindingState state = states.get(id);
        if (state == null) {
            return;
        }
        index.remove(id);
        vault.forget(id);
        state.deleted = true;
        state.raw = before;
        state.pendingChange = BindingChanged.Change.DELETED;
        state.generation =
                Optional.ofNullable(before.getMetadata().getGeneration()).orElse(state.generation);
        reconcileInformers();
        // not active(): a deletion seen while stopping is still marked, and stop() flushes it
        if (activity.cachesSynced() && activity.leading()) {
            coalescer.mark(id, EnumSet.of(Facet.BINDING));
        } else {
            forgetNow(id);
        }
    }

    @Override
    public void secretChanged(String namespace, String name) {
        index.affectedBy(ObjectKey.secret(namespace, name)).forEach(this::mark);
    }

    @Override
    public void externalSecretChanged(String namespace, String name) {
        reresolveThrough(new ObjectKey(ObjectKind.EXTERNAL_SECRET, namespace, name));
    }

    @Override
    public void rookUserChanged(String namespace, String name) {
        reresolveThrough(new ObjectKey(ObjectKind.ROOK_USER, namespace, name));
    }

    @Override
    public void podChanged(Pod before, Pod after) {
        Set<BindingId> ids = new HashSet<>();
        for (Pod pod : new Pod[] {before, after}) {
            if (pod == null || pod.getMetadata() == null || pod.getMetadata().getNamespace() == null) {
                continue;
            }
            Optional<WorkloadRef> workload = PodFacts.workload(pod);
            ids.addAll(index.consumedBy(
                    pod.getMetadata().getNamespace(), PodFacts.secretsRead(pod).keySet(), workload));
        }
        ids.forEach(id -> mark(id, EnumSet.of(Facet.CONSUMERS)));
    }

    @Override
    public void lateInformerSynced() {
        emission.takeDeferred().forEach(this::mark);
    }

    // --- startup and resync --------------------------------------------------------------------------------------

    /**
     * Takes in every cached binding, once the static informers synced, and starts the informers they need; completes
     * when those synced.
     */
    CompletableFuture<Void> load(List<GenericKubernetesResource> bindings) {
        for (GenericKubernetesResource raw : bindings) {
            bindingChanged(null, raw);
        }
        // ExternalSecrets and Rook users may have arrived before the bindings that name them were indexed
        states.forEach((id, state) -> {
            if (!state.deleted) {
                resolve(id, state);
            }
        });
        return caches.reconcile(index.namespaces(), index.namedSecrets());
    }

    /** An ExternalSecret or Rook API discovered late is now cached: resolve and observe every binding again. */
    void lateApisCached() {
        states.forEach((id, state) -> {
            if (!state.deleted) {
                resolve(id, state);
                mark(id, OBSERVED);
            }
        });
    }

    /** Publishes every binding in full, bypassing deduplication, then asks for a resync of each. */
    void resync(ResyncRequested.Reason reason) {
        LOG.info("Watch: {} resync of {} bindings", reason.name().toLowerCase(Locale.ROOT), states.size());
        for (Map.Entry<BindingId, BindingState> entry : new ArrayList<>(states.entrySet())) {
            BindingId id = entry.getKey();
            BindingState state = entry.getValue();
            if (state.deleted) {
                continue;
            }
            status.ensure(id, state.raw, state.read);
            // the resync stands in for a creation or change the loop had not published (not leader, not synced)
            state.pendingChange = null;
            emission.facets(id, state, OBSERVED, true);
            emission.resyncRequested(id, reason);
        }
    }

    // --- observations --------------------------------------------------------------------------------------------

    /** What the coalescer hands back: the facets of one binding to observe now. */
    void flush(BindingId id, Set<Facet> facets) {
        LOG.atDebug().addKeyValue(LoggingKeys.BINDING, id).log("Observe: looking at {}", facets);
        BindingState state = states.get(id);
        if (state == null) {
            return;
        }
        if (state.deleted) {
            if (facets.contains(Facet.BINDING)) {
                emission.deleted(id, state);
            }
            forgetNow(id);
            return;
        }
        emission.facets(id, state, facets, false);
    }

    /** Marks facets of a binding to observe, while the loop is active. */
    void mark(BindingId id, Set<Facet> facets) {
        if (activity.active()) {
            coalescer.mark(id, facets);
        }
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private void reresolveThrough(ObjectKey key) {
        for (BindingId id : index.resolvingThrough(key)) {
            BindingState state = states.get(id);
            if (state != null && !state.deleted) {
                resolve(id, state);
            }
        }
        reconcileInformers();
        index.affectedBy(key).forEach(this::mark);
    }

    private void resolve(BindingId id, BindingState state) {
        BindingRefs refs = state.read instanceof BindingRead.Readable readable
                ? resolver.resolve(id, readable.binding(), caches)
                : BindingRefs.none(id);
        state.refs = refs;
        index.put(refs);
    }

    private void reconcileInformers() {
        if (activity.stopping()) {
            return;
        }
        caches.reconcile(index.namespaces(), index.namedSecrets());
    }

    private void forgetNow(BindingId id) {
        states.remove(id);
        vault.forget(id);
        count = states.size();
        coalescer.forget(id);
        emission.forget(id);
    }

    private static Optional<BindingId> idOf(GenericKubernetesResource raw) {
        if (raw == null || raw.getMetadata() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(BindingId.of(
                    raw.getMetadata().getNamespace(), raw.getMetadata().getName()));
        } catch (ContractViolation e) {
            LOG.warn("Observe(credentialbinding): ignoring a binding whose namespace or name {}", e.getMessage());
            return Optional.empty();
        }
    }

    private static String rotateNow(GenericKubernetesResource raw) {
        Map<String, String> annotations = raw == null || raw.getMetadata() == null
                ? null
                : raw.getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(ROTATE_NOW);
    }

    private static Object spec(GenericKubernetesResource raw) {
        return raw == null ? null : raw.getAdditionalProperties().get("spec");
    }
}
