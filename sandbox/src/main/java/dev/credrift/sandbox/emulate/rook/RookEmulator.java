package dev.credrift.sandbox.emulate.rook;

import dev.credrift.events.credential.Credential;
import dev.credrift.events.credential.SecretValue;
import dev.credrift.sandbox.emulate.ControllerLoop;
import dev.credrift.sandbox.emulate.EmulatedKinds;
import dev.credrift.sandbox.emulate.EnqueueingHandler;
import dev.credrift.sandbox.emulate.ObjectKey;
import dev.credrift.sandbox.emulate.StatusWriter;
import dev.credrift.sandbox.s3.S3StoreStandIn;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rook's object-store-user controller against the Kubernetes stand-in and the S3 stand-in (or a real RGW, through
 * {@link ObjectStoreUsers}).
 *
 * <p>For each {@code CephObjectStoreUser} (named {@code <user>}, {@code spec.store: <store>}) it makes sure the
 * store has a user {@code <user>} and writes the user's first key — RGW lists keys sorted by access key id, and
 * Rook takes {@code keys[0]}, not the newest — into {@code rook-ceph-object-user-<store>-<user>} with Rook's type,
 * labels and owner reference; then sets {@code status.phase: Ready} and {@code status.info.secretName}. With
 * {@code spec.keys} the user gets exactly the keys of the referenced Secrets, as Rook 1.15+ does. A deleted user
 * object takes its store user and Secret with it (Rook's finalizer and the garbage collector).
 *
 * <p>Like Rook it reacts to its user objects and to changes of the Secrets it owns, not to the store: a key changed
 * behind Rook's back ({@code S3StoreStandIn#rotate}) shows in the Secret only once something reconciles the user
 * again. {@link #rotate} is the rotation Rook sees at once.
 */
public final class RookEmulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RookEmulator.class);

    private final KubernetesClient client;
    private final ObjectStoreUsers store;
    private final URI endpoint;
    private final ControllerLoop loop;
    private final List<SharedIndexInformer<?>> informers = new ArrayList<>();

    /**
     * @param client   where the user objects and Secrets live
     * @param store    the store whose users and keys Rook manages
     * @param endpoint what Rook writes under {@code Endpoint}: how consumers reach the store
     */
    public RookEmulator(KubernetesClient client, S3StoreStandIn store, URI endpoint) {
        this(client, ObjectStoreUsers.of(store), endpoint);
    }

    /**
     * Rook against any store's user administration, e.g. {@code ObjectStoreUsers.of(realRgw)}: the user Secrets then
     * carry keys a real RGW generated.
     */
    public RookEmulator(KubernetesClient client, ObjectStoreUsers store, URI endpoint) {
        this.client = Objects.requireNonNull(client, "client");
        this.store = Objects.requireNonNull(store, "store");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.loop = new ControllerLoop("rook", key -> reconcile(ObjectKey.parse(key)));
    }

    /** Reconciles every user now, then follows user objects and Rook-owned Secrets. */
    public void start() {
        reconcileAll();
        informers.add(client.genericKubernetesResources(EmulatedKinds.CEPH_OBJECT_STORE_USER)
                .inAnyNamespace()
                .inform(EnqueueingHandler.byObjectKey(loop::enqueue)));
        informers.add(client.secrets()
                .inAnyNamespace()
                .withLabel("app", RookUserSecret.APP)
                .inform(new EnqueueingHandler<Secret>(RookEmulator::ownerKey, loop::enqueue)));
    }

    /** Reconciles every CephObjectStoreUser, on the caller's thread. */
    public void reconcileAll() {
        for (GenericKubernetesResource user : users().inAnyNamespace().list().getItems()) {
            reconcile(ObjectKey.of(user));
        }
    }

    /**
     * Rotates the user's keys as RGW does on {@code radosgw-admin key create --gen-secret} and rewrites the
     * Secret at once. Returns the new key.
     *
     * @throws IllegalArgumentException if no such CephObjectStoreUser exists, it names another store, or its keys
     *                                  come from {@code spec.keys}
     */
    public synchronized Credential rotate(String namespace, String storeName, String user) {
        GenericKubernetesResource object = requireUser(namespace, storeName, user);
        if (specKeys(object).isPresent()) {
            throw new IllegalArgumentException("CephObjectStoreUser " + namespace + "/" + user
                    + " takes its keys from spec.keys: change the referenced Secrets instead");
        }
        Credential fresh = store.rotate(user);
        LOG.info(
                "Rook: rotated the keys of object store user {}/{} (store {}), new key {}",
                namespace,
                user,
                storeName,
                fresh.maskedAccessKeyId());
        reconcile(new ObjectKey(namespace, user));
        return fresh;
    }

    /**
     * Adds a generated key to the user, keeping the old one valid (RGW's overlap), and lets Rook rewrite the
     * Secret: it takes the first key by access key id, which need not be the new one. Returns the new key.
     */
    public synchronized Credential addKey(String namespace, String storeName, String user) {
        requireUser(namespace, storeName, user);
        Credential added = store.addKey(user);
        LOG.info(
                "Rook: added key {} to object store user {}/{} (store {})",
                added.maskedAccessKeyId(),
                namespace,
                user,
                storeName);
        reconcile(new ObjectKey(namespace, user));
        return added;
    }

    /** Brings one user's store account, Secret and status in line with its CephObjectStoreUser. */
    public synchronized void reconcile(ObjectKey key) {
        GenericKubernetesResource user =
                users().inNamespace(key.namespace()).withName(key.name()).get();
        if (user == null) {
            forget(key);
            return;
        }
        if (user.getMetadata().getDeletionTimestamp() != null) {
            forget(key);
            return;
        }
        String storeName = user.get("spec", "store");
        if (storeName == null || storeName.isBlank()) {
            setStatus(user, "ReconcileFailed", Map.of());
            LOG.warn("Rook: CephObjectStoreUser {} has no spec.store", key);
            return;
        }
        try {
            ensureStoreUser(user, key);
        } catch (IllegalArgumentException | IllegalStateException e) {
            setStatus(user, "ReconcileFailed", Map.of());
            LOG.warn("Rook: cannot reconcile CephObjectStoreUser {}: {}", key, e.getMessage());
            return;
        }
        Credential first = store.keys(key.name()).get(0);
        String clusterNamespace = Optional.ofNullable(user.<String>get("spec", "clusterNamespace"))
                .filter(s -> !s.isBlank())
                .orElse(key.namespace());
        Secret desired = RookUserSecret.build(user, storeName, clusterNamespace, first, endpoint);
        writeSecret(desired);
        setStatus(user, "Ready", Map.of("secretName", desired.getMetadata().getName()));
    }

    private void ensureStoreUser(GenericKubernetesResource user, ObjectKey key) {
        Optional<List<Credential>> given = specKeys(user);
        boolean exists = storeUserExists(key.name());
        if (given.isEmpty()) {
            if (!exists) {
                Credential created = store.addUser(key.name());
                LOG.info("Rook: created object store user {} with key {}", key, created.maskedAccessKeyId());
            }
            return;
        }
        List<Credential> wanted = given.get();
        if (wanted.isEmpty()) {
            throw new IllegalStateException("spec.keys is empty");
        }
        if (!exists) {
            store.addUser(key.name(), wanted.get(0));
        }
        Set<String> wantedIds = wanted.stream().map(Credential::accessKeyId).collect(Collectors.toSet());
        for (Credential existing : store.keys(key.name())) {
            if (!wantedIds.contains(existing.accessKeyId()) || !wanted.contains(existing)) {
                store.removeKey(key.name(), existing.accessKeyId());
            }
        }
        Set<String> present =
                store.keys(key.name()).stream().map(Credential::accessKeyId).collect(Collectors.toSet());
        for (Credential credential : wanted) {
            if (!present.contains(credential.accessKeyId())) {
                store.addKey(key.name(), credential);
            }
        }
    }

    private boolean storeUserExists(String user) {
        try {
            store.keys(user);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The keys of {@code spec.keys}, read from the referenced Secrets; empty when the operator generates them. */
    private Optional<List<Credential>> specKeys(GenericKubernetesResource user) {
        List<Map<String, Object>> keys = user.get("spec", "keys");
        if (keys == null || keys.isEmpty()) {
            return Optional.empty();
        }
        List<Credential> credentials = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            Map<String, Object> entry = keys.get(i);
            String accessKeyId = readSecretKey(user, entry.get("accessKeyRef"), "spec.keys[" + i + "].accessKeyRef");
            String secret = readSecretKey(user, entry.get("secretKeyRef"), "spec.keys[" + i + "].secretKeyRef");
            credentials.add(new Credential(accessKeyId, SecretValue.of(secret)));
        }
        return Optional.of(credentials);
    }

    private String readSecretKey(GenericKubernetesResource user, Object ref, String field) {
        if (!(ref instanceof Map<?, ?> selector)
                || !(selector.get("name") instanceof String name)
                || !(selector.get("key") instanceof String dataKey)) {
            throw new IllegalArgumentException(field + " must name a Secret and a key");
        }
        Secret secret = client.secrets()
                .inNamespace(user.getMetadata().getNamespace())
                .withName(name)
                .get();
        if (secret == null || secret.getData() == null || secret.getData().get(dataKey) == null) {
            throw new IllegalStateException(field + ": Secret "
                    + user.getMetadata().getNamespace() + "/" + name + " or its key " + dataKey + " does not exist");
        }
        return new String(Base64.getDecoder().decode(secret.getData().get(dataKey)), StandardCharsets.UTF_8);
    }

    private void writeSecret(Secret desired) {
        ObjectMeta meta = desired.getMetadata();
        Secret existing = client.secrets()
                .inNamespace(meta.getNamespace())
                .withName(meta.getName())
                .get();
        if (existing == null) {
            client.secrets().inNamespace(meta.getNamespace()).resource(desired).create();
            LOG.info("Rook: wrote Secret {}/{}", meta.getNamespace(), meta.getName());
            return;
        }
        if (Objects.equals(existing.getData(), desired.getData())
                && Objects.equals(existing.getType(), desired.getType())
                && Objects.equals(existing.getMetadata().getLabels(), meta.getLabels())
                && Objects.equals(existing.getMetadata().getOwnerReferences(), meta.getOwnerReferences())) {
            return;
        }
        // Rook's CreateOrUpdateSecret replaces the object: labels or keys added by others do not survive
        meta.setResourceVersion(existing.getMetadata().getResourceVersion());
        meta.setAnnotations(existing.getMetadata().getAnnotations());
        try {
            client.secrets().inNamespace(meta.getNamespace()).resource(desired).update();
            LOG.info("Rook: updated Secret {}/{}", meta.getNamespace(), meta.getName());
        } catch (KubernetesClientException e) {
            if (e.getCode() != 409) {
                throw e;
            }
            // someone wrote in between: the write event brings us back
            loop.enqueue(meta.getNamespace() + "/" + meta.getLabels().get("user"));
        }
    }

    private void setStatus(GenericKubernetesResource user, String phase, Map<String, String> info) {
        Map<String, Object> current = user.get("status");
        Map<String, Object> status = current == null ? new LinkedHashMap<>() : new LinkedHashMap<>(current);
        status.put("phase", phase);
        if (info.isEmpty()) {
            status.remove("info");
        } else {
            status.put("info", info);
        }
        status.put("observedGeneration", user.getMetadata().getGeneration());
        if (current != null
                && Objects.equals(current.get("phase"), phase)
                && Objects.equals(current.get("info"), status.get("info"))
                && Objects.equals(
                        asLong(current.get("observedGeneration")),
                        user.getMetadata().getGeneration())) {
            return;
        }
        StatusWriter.replace(
                users().inNamespace(user.getMetadata().getNamespace())
                        .withName(user.getMetadata().getName()),
                status);
    }

    private void forget(ObjectKey key) {
        List<Secret> owned = client.secrets()
                .inNamespace(key.namespace())
                .withLabel("app", RookUserSecret.APP)
                .withLabel("user", key.name())
                .list()
                .getItems();
        for (Secret secret : owned) {
            client.secrets()
                    .inNamespace(key.namespace())
                    .withName(secret.getMetadata().getName())
                    .delete();
            LOG.info(
                    "Rook: deleted Secret {}/{} of a removed object store user",
                    key.namespace(),
                    secret.getMetadata().getName());
        }
        if (!owned.isEmpty() && storeUserExists(key.name())) {
            store.removeUser(key.name());
        }
    }

    private GenericKubernetesResource requireUser(String namespace, String storeName, String user) {
        GenericKubernetesResource object =
                users().inNamespace(namespace).withName(user).get();
        if (object == null) {
            throw new IllegalArgumentException("no CephObjectStoreUser " + namespace + "/" + user);
        }
        if (!Objects.equals(object.get("spec", "store"), storeName)) {
            throw new IllegalArgumentException("CephObjectStoreUser " + namespace + "/" + user + " belongs to store '"
                    + object.get("spec", "store") + "', not '" + storeName + "'");
        }
        return object;
    }

    private MixedOperation<
                    GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>>
            users() {
        return client.genericKubernetesResources(EmulatedKinds.CEPH_OBJECT_STORE_USER);
    }

    private static Optional<String> ownerKey(Secret secret) {
        Map<String, String> labels = secret.getMetadata().getLabels();
        String user = labels == null ? null : labels.get("user");
        return user == null
                ? Optional.empty()
                : Optional.of(secret.getMetadata().getNamespace() + "/" + user);
    }

    private static Long asLong(Object value) {
        return value instanceof Number number ? number.longValue() : null;
    }

    @Override
    public void close() {
        informers.forEach(SharedIndexInformer::close);
        loop.close();
    }

    @Override
    public String toString() {
        return "RookEmulator[" + endpoint + "]";
    }
}
