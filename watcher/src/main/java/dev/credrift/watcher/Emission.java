package dev.credrift.watcher;

import dev.credrift.api.validation.Violation;
import dev.credrift.events.BindingId;
import dev.credrift.events.LoggingKeys;
import dev.credrift.events.payload.BindingChanged;
import dev.credrift.events.payload.Problem;
import dev.credrift.events.payload.ProblemCode;
import dev.credrift.events.payload.ResyncRequested;
import dev.credrift.watcher.index.BindingRefs;
import dev.credrift.watcher.index.Facet;
import dev.credrift.watcher.index.SourceRef;
import dev.credrift.watcher.observe.ClusterView;
import dev.credrift.watcher.observe.ObservationBuilder;
import dev.credrift.watcher.publish.ObservationEmitter;
import dev.credrift.watcher.resource.BindingRead;
import dev.credrift.watcher.resource.ObjectKey;
import dev.credrift.watcher.resource.Problems;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a binding's facets into observations: builds each from the caches and hands it to the emitter. A facet whose
 * informer has not synced yet is deferred until one does ({@link #takeDeferred()}), so that a half-filled cache is
 * never reported as "nothing there". Confined to the loop.
 */
final class Emission {

    private static final Logger LOG = LoggerFactory.getLogger(Emission.class);

    private final ObservationEmitter emitter;
    private final ObservationBuilder builder;
    private final ClusterView caches;
    private final VaultFacet vault;
    private final Map<BindingId, EnumSet<Facet>> deferred = new HashMap<>();

    Emission(ObservationEmitter emitter, ObservationBuilder builder, ClusterView caches, VaultFacet vault) {
        this.emitter = emitter;
        this.builder = builder;
        this.caches = caches;
        this.vault = vault;
    }

    /** Emits the observations of {@code facets}; {@code force} bypasses deduplication (a resync). */
    void facets(BindingId id, BindingState state, Set<Facet> facets, boolean force) {
        for (Facet facet : EnumSet.copyOf(facets)) {
            if (facet == Facet.VAULT) {
                vault.seen(id).ifPresent(seen -> emitter.emit(seen, force));
                continue;
            }
            if (facet == Facet.BINDING) {
                if (state.pendingChange != null) {
                    emitter.emit(
                            new BindingChanged(
                                    id, state.pendingChange, Math.max(1, state.generation), specProblems(state.read)),
                            true);
                    state.pendingChange = null;
                }
                continue;
            }
            if (!ready(facet, state.refs)) {
                deferred.computeIfAbsent(id, k -> EnumSet.noneOf(Facet.class)).add(facet);
                continue;
            }
            try {
                builder.build(facet, state.refs, caches).ifPresent(payload -> emitter.emit(payload, force));
            } catch (RuntimeException e) {
                // a bug here must not stop the other facets or bindings; the message never holds a value
                LOG.atError()
                        .addKeyValue(LoggingKeys.BINDING, id)
                        .setCause(e)
                        .log(
                                "Observe: building the {} observation failed ({}: {})",
                                facet.name().toLowerCase(Locale.ROOT),
                                e.getClass().getSimpleName(),
                                e.getMessage());
            }
        }
    }

    /** Emits the binding's deletion. */
    void deleted(BindingId id, BindingState state) {
        emitter.emit(new BindingChanged(id, BindingChanged.Change.DELETED, Math.max(1, state.generation)), true);
    }

    /** Asks the reconciler for a resync of the binding. */
    void resyncRequested(BindingId id, ResyncRequested.Reason reason) {
        emitter.emit(new ResyncRequested(id, reason), true);
    }

    /** The facets deferred until an informer synced, handed over and forgotten. */
    Map<BindingId, EnumSet<Facet>> takeDeferred() {
        Map<BindingId, EnumSet<Facet>> waiting = new HashMap<>(deferred);
        deferred.clear();
        return waiting;
    }

    /** The binding is gone. */
    void forget(BindingId id) {
        deferred.remove(id);
        emitter.forget(id);
    }

    /** Leadership gained: the next observations are published even if this replica published them before. */
    void leadershipGained() {
        emitter.reset();
    }

    /** Leadership lost: nothing waits for an informer any more. */
    void leadershipLost() {
        deferred.clear();
    }

    private boolean ready(Facet facet, BindingRefs refs) {
        return switch (facet) {
            case CONSUMERS -> caches.podsSynced(refs.namespace());
            case SOURCE ->
                refs.source()
                        .filter(SourceRef.Named.class::isInstance)
                        .map(SourceRef::secret)
                        .filter(ObjectKey::legal)
                        .map(this::namedSecretReady)
                        .orElse(true);
            case REPLICA ->
                !refs.replicaNamed()
                        || refs.replicaSecret()
                                .filter(ObjectKey::legal)
                                .map(this::namedSecretReady)
                                .orElse(true);
            default -> true;
        };
    }

    private boolean namedSecretReady(ObjectKey key) {
        return !caches.secretsWatchedIn(key.namespace()) || caches.namedSecretSynced(key.namespace(), key.name());
    }

    // the validator's errors, so that a consumer of the observation sees why the binding will not be acted on
    private static List<Problem> specProblems(BindingRead read) {
        if (read == null) {
            return List.of();
        }
        return read.violations().stream()
                .filter(Violation::isError)
                .map(v -> Problems.of(ProblemCode.INVALID_VALUE, v.path(), v.message()))
                .toList();
    }
}
