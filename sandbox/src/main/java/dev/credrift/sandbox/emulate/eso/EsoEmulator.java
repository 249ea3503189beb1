package dev.credrift.sandbox.emulate.eso;

import dev.credrift.sandbox.emulate.Cancellable;
import dev.credrift.sandbox.emulate.ControllerLoop;
import dev.credrift.sandbox.emulate.EmulatedKinds;
import dev.credrift.sandbox.emulate.EmulatorScheduler;
import dev.credrift.sandbox.emulate.EnqueueingHandler;
import dev.credrift.sandbox.emulate.EventRecorder;
import dev.credrift.sandbox.emulate.ObjectKey;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ESO's ExternalSecret controller with the 1Password Connect provider, against the Kubernetes stand-in.
 *
 * <p>Per reconcile, as ESO: read the ExternalSecret and its target Secret; stop unless {@link RefreshRule} says the
 * object asks for a refresh or the target is missing or tampered with; fetch every {@code spec.data[]} entry (and
 * {@code dataFrom[].extract}) through the SecretStore's provider; write the target Secret with the managed label,
 * the {@code data-hash} annotation and, for {@code creationPolicy: Owner}, the {@code created-by} label and a
 * controller reference; then write the status subresource: {@code Ready} condition ({@code SecretSynced} or
 * {@code SecretSyncedError}), {@code refreshTime}, {@code syncedResourceVersion}, {@code binding}. A failure leaves
 * {@code refreshTime} and {@code syncedResourceVersion} as they were, so the next tick tries again.
 *
 * <p>Reacts to ExternalSecrets, SecretStores and managed Secrets as they change, and re-evaluates every
 * ExternalSecret on each tick of the injected scheduler (the stand-in for ESO's requeue-after). SecretStores get a
 * {@code Ready} condition ({@code Valid} / {@code ValidationFailed}) when their provider answers. {@code SecretStore}
 * and {@code ClusterSecretStore} references (the latter picked up on ticks) and the {@code onepassword} provider are
 * emulated; anything else fails with a message saying so. Syncs fail, as in a cluster, when the store's provider
 * does: a wrong Connect token, a missing item or field, an unreachable Connect server.
 */
public final class EsoEmulator implements AutoCloseable {

    /** The condition type ESO reports. */
    public static final String READY = "Ready";
    /** {@code Ready=True} reason. */
    public static final String REASON_SYNCED = "SecretSynced";
    /** {@code Ready=False} reason. */
    public static final String REASON_SYNCED_ERROR = "SecretSyncedError";
    /** ESO's status message on a provider failure (the detail goes to a Warning event). */
    public static final String MESSAGE_PROVIDER_FAILED = "could not get secret data from provider";

    private static final Logger LOG = LoggerFactory.getLogger(EsoEmulator.class);

    private final KubernetesClient client;
    private final Clock clock;
    private final HttpClient http;
    private final SecretSource.Resolver sources;
    private final EventRecorder events;
    private final TargetSecretWriter targets;
    private final EsoStatus statuses;
    private final StoreValidator stores;
    private final ControllerLoop loop;
    private final Map<ObjectKey, List<SyncOutcome>> history = new ConcurrentHashMap<>();
    private final List<SharedIndexInformer<?>> informers = new CopyOnWriteArrayList<>();
    private volatile Cancellable ticks;

    /**
     * @param client where ExternalSecrets, SecretStores and target Secrets live
     * @param clock  "now" for refresh decisions and status times
     * @param http   how the provider reaches 1Password Connect
     */
    public EsoEmulator(KubernetesClient client, Clock clock, HttpClient http) {
        this(client, clock, Objects.requireNonNull(http, "http"), null);
    }

    /** With another provider than 1Password Connect over HTTP (tests of the controller's rules). */
    EsoEmulator(KubernetesClient client, Clock clock, SecretSource.Resolver sources) {
        this(client, clock, null, Objects.requireNonNull(sources, "sources"));
    }

    private EsoEmulator(KubernetesClient client, Clock clock, HttpClient http, SecretSource.Resolver sources) {
        this.client = Objects.requireNonNull(client, "client");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.http = http;
        this.sources = sources != null ? sources : new OnePasswordStores(client, http);
        this.events = new EventRecorder(client, "external-secrets", clock);
        this.targets = new TargetSecretWriter(client, events);
        this.statuses = new EsoStatus(client);
        this.stores = new StoreValidator(client, clock, this.sources);
        this.loop = new ControllerLoop("eso", this::dispatch);
    }

    /** Follows ExternalSecrets, SecretStores and managed Secrets, and re-evaluates everything every {@code tick}. */
    public void start(EmulatorScheduler scheduler, Duration tick) {
        informers.add(client.genericKubernetesResources(EmulatedKinds.EXTERNAL_SECRET)
                .inAnyNamespace()
                .inform(new EnqueueingHandler<>(es -> Optional.of("es:" + ObjectKey.of(es)), loop::enqueue)));
        informers.add(client.genericKubernetesResources(EmulatedKinds.SECRET_STORE)
                .inAnyNamespace()
                .inform(new EnqueueingHandler<>(store -> Optional.of("store:" + ObjectKey.of(store)), loop::enqueue)));
        informers.add(client.secrets()
                .inAnyNamespace()
                .withLabel(RefreshRule.MANAGED_LABEL, "true")
                .inform(new EnqueueingHandler<Secret>(EsoEmulator::ownerKey, loop::enqueue)));
        loop.enqueue("all");
        ticks = scheduler.every(tick, () -> loop.enqueue("all"));
    }

    private void dispatch(String key) {
        if (key.equals("all")) {
            reconcileAll();
        } else if (key.startsWith("es:")) {
            reconcile(ObjectKey.parse(key.substring(3)));
        } else if (key.startsWith("store:")) {
            ObjectKey store = ObjectKey.parse(key.substring(6));
            stores.forget(store);
            stores.validate(store);
            reconcileNamespace(store.namespace());
        } else if (key.startsWith("ns:")) {
            reconcileNamespace(key.substring(3));
        }
    }

    /** Every SecretStore, ClusterSecretStore and ExternalSecret, on the caller's thread. */
    public void reconcileAll() {
        stores.validateAll();
        for (GenericKubernetesResource es : client.genericKubernetesResources(EmulatedKinds.EXTERNAL_SECRET)
                .inAnyNamespace()
                .list()
                .getItems()) {
            reconcile(ObjectKey.of(es));
        }
    }

    private void reconcileNamespace(String namespace) {
        for (GenericKubernetesResource es : client.genericKubernetesResources(EmulatedKinds.EXTERNAL_SECRET)
                .inNamespace(namespace)
                .list()
                .getItems()) {
            reconcile(ObjectKey.of(es));
        }
    }

    /** What the reconciles of one ExternalSecret did (skips are not kept), oldest first. */
    public List<SyncOutcome> history(ObjectKey key) {
        return List.copyOf(history.getOrDefault(key, List.of()));
    }

    /** How many times the provider was asked for this ExternalSecret's data (successful or not). */
    public long fetchCount(ObjectKey key) {
        return history(key).stream()
                .filter(o -> o instanceof SyncOutcome.Synced || o instanceof SyncOutcome.Failed)
                .count();
    }

    /** One ExternalSecret, on the caller's thread; ESO's {@code Reconcile}. */
    public synchronized SyncOutcome reconcile(ObjectKey key) {
        Instant start = clock.instant();
        GenericKubernetesResource object = client.genericKubernetesResources(EmulatedKinds.EXTERNAL_SECRET)
                .inNamespace(key.namespace())
                .withName(key.name())
                .get();
        if (object == null || object.getMetadata().getDeletionTimestamp() != null) {
            return remember(key, new SyncOutcome.Gone(start));
        }
        ExternalSecretState es;
        try {
            es = ExternalSecretState.of(object);
        } catch (IllegalArgumentException e) {
            return fail(object, null, start, e.getMessage(), e.getMessage());
        }
        Secret existing = client.secrets()
                .inNamespace(key.namespace())
                .withName(es.targetName())
                .get();
        boolean refreshDue = RefreshRule.shouldRefresh(es, start);
        boolean targetValid = RefreshRule.isSecretValid(existing);
        if (!refreshDue && targetValid) {
            return new SyncOutcome.Skipped(
                    start,
                    "no refresh due (" + es.refreshPolicy().wireName() + ", refreshInterval " + es.refreshInterval()
                            + ")");
        }
        if (!RefreshRule.shouldReconcile(es)) {
            return new SyncOutcome.Skipped(start, "target is immutable and already synced");
        }
        LOG.debug(
                "ESO: refreshing ExternalSecret {} (refresh due: {}, target valid: {}, synced {} vs {})",
                key,
                refreshDue,
                targetValid,
                es.syncedResourceVersion().orElse("-"),
                es.currentResourceVersion());
        Map<String, byte[]> dataMap;
        try {
            dataMap = fetch(es);
        } catch (ProviderException e) {
            return fail(object, es, start, MESSAGE_PROVIDER_FAILED, e.getMessage());
        }
        boolean changed;
        try {
            changed = targets.write(object, es, existing, dataMap);
        } catch (ProviderException e) {
            return fail(object, es, start, "could not update Secret", e.getMessage());
        } catch (KubernetesClientException e) {
            return fail(
                    object,
                    es,
                    start,
                    "could not update Secret",
                    "HTTP " + e.getCode() + " writing Secret " + key.namespace() + "/" + es.targetName());
        }
        statuses.synced(object, es, start);
        if (changed) {
            LOG.info("ESO: synced ExternalSecret {} into Secret {}", key, es.targetName());
        }
        return remember(key, new SyncOutcome.Synced(start, changed));
    }

    /**
     * A world's starting point: leaves the ExternalSecret's target Secret and status as a successful reconcile that
     * fetched {@code fetched} would have (ESO synced an older vault value, say), without asking the provider and
     * without entering {@link #history}. The next reconcile treats them as its own.
     *
     * @throws IllegalArgumentException naming the object and field when it is missing or malformed
     */
    public synchronized void seedSync(ObjectKey key, Map<String, byte[]> fetched) {
        GenericKubernetesResource object = client.genericKubernetesResources(EmulatedKinds.EXTERNAL_SECRET)
                .inNamespace(key.namespace())
                .withName(key.name())
                .get();
        if (object == null) {
            throw new IllegalArgumentException("ExternalSecret " + key + " does not exist");
        }
        ExternalSecretState es = ExternalSecretState.of(object);
        Secret existing = client.secrets()
                .inNamespace(key.namespace())
                .withName(es.targetName())
                .get();
        try {
            targets.write(object, es, existing, fetched);
        } catch (ProviderException e) {
            throw new IllegalArgumentException("ExternalSecret " + key + ": " + e.getMessage(), e);
        }
        statuses.synced(object, es, clock.instant());
    }

    private Map<String, byte[]> fetch(ExternalSecretState es) throws ProviderException {
        SecretSource provider = sources.resolve(es.key().namespace(), es.storeKind(), es.storeName());
        Map<String, byte[]> dataMap = new LinkedHashMap<>();
        for (DataFrom from : es.dataFrom()) {
            dataMap.putAll(
                    from instanceof DataFrom.Extract extract
                            ? provider.getSecretMap(extract.key())
                            : provider.getAllSecrets((DataFrom.Find) from));
        }
        for (ExternalSecretState.DataRef ref : es.data()) {
            dataMap.put(ref.secretKey(), provider.getSecret(ref.key(), ref.property(), ref.version()));
        }
        return dataMap;
    }

    private SyncOutcome fail(
            GenericKubernetesResource object, ExternalSecretState es, Instant at, String message, String detail) {
        ObjectKey key = ObjectKey.of(object);
        LOG.warn("ESO: ExternalSecret {} failed to sync: {}", key, detail);
        events.warning(object, "UpdateFailed", detail);
        statuses.failed(object, es, message, at);
        return remember(key, new SyncOutcome.Failed(at, detail));
    }

    private SyncOutcome remember(ObjectKey key, SyncOutcome outcome) {
        history.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(outcome);
        return outcome;
    }

    private static Optional<String> ownerKey(Secret secret) {
        List<OwnerReference> owners = secret.getMetadata().getOwnerReferences();
        if (owners != null) {
            for (OwnerReference owner : owners) {
                if ("ExternalSecret".equals(owner.getKind()) && Boolean.TRUE.equals(owner.getController())) {
                    return Optional.of("es:" + secret.getMetadata().getNamespace() + "/" + owner.getName());
                }
            }
        }
        return Optional.of("ns:" + secret.getMetadata().getNamespace());
    }

    @Override
    public void close() {
        Cancellable running = ticks;
        if (running != null) {
            running.cancel();
        }
        informers.forEach(SharedIndexInformer::close);
        loop.close();
    }
}
