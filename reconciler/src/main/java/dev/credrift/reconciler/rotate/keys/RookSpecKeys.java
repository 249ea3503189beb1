package dev.credrift.reconciler.rotate.keys;

import dev.credrift.api.spec.RookObjectUserSource;
import dev.credrift.events.credential.Credential;
import dev.credrift.events.credential.SecretValue;
import dev.credrift.reconciler.minio.MinioAdmin;
import dev.credrift.reconciler.rotate.RotationJournal;
import dev.credrift.reconciler.step.Exec;
import dev.credrift.reconciler.step.RemediationSession;
import dev.credrift.reconciler.world.KubeGateway;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * A Rook {@code CephObjectStoreUser} with {@code spec.keys} (Rook 1.17+), rotated by changing the list: mint =
 * credrift generates an RGW-shaped key (20-character id, 40-character secret), writes it to a Secret it owns
 * ({@code credrift-<user>-<rotation>}, labelled {@code app.kubernetes.io/managed-by: credrift}, owned by the user
 * object so it goes with it) and appends an entry naming that Secret; revoke = drop the old key's entry and delete its
 * Secret if credrift made it — never a Secret credrift did not create (the user's first key Secret stays). Rook adds
 * and removes the RGW keys on its own schedule ({@link #appliesLater}). The vault is the authority of such a binding
 * ({@code spec.authority: Vault}): the rotation writes the new key there and the hops follow it.
 */
final class RookSpecKeys implements RotationKeys {

    private static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    private static final String CREDRIFT = "credrift";
    private static final String ROTATION_ID = "credrift.dev/rotation-id";
    private static final String OBJECT_USER = "credrift.dev/object-user";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Exec exec;
    private final KubeGateway kube;
    private final RemediationSession session;
    private final RookObjectUserSource rook;

    RookSpecKeys(Exec exec, KubeGateway kube, RemediationSession session, RookObjectUserSource rook) {
        this.exec = exec;
        this.kube = kube;
        this.session = session;
        this.rook = rook;
    }

    /** The name of the key Secret credrift writes for rotation {@code rotationId} of user {@code user}. */
    static String secretName(String user, String rotationId) {
        String id = rotationId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        String name = "credrift-" + user + "-" + id.substring(0, Math.min(8, id.length()));
        return name.length() <= 253 ? name : name.substring(0, 253);
    }

    @Override
    public Future<Set<String>> keys(String oldAccessKeyId) {
        return kube(() -> {
            Set<String> ids = new HashSet<>();
            ids.add(oldAccessKeyId);
            for (SpecKeys.Entry entry : listed().entries()) {
                accessKeyId(entry).ifPresent(ids::add);
            }
            return Set.copyOf(ids);
        });
    }

    @Override
    public Future<Credential> mint(RotationJournal journal) {
        return kube(() -> own(journal, recoverBlocking(journal).orElseGet(() -> generate(RANDOM))));
    }

    @Override
    public Future<Optional<Credential>> recover(RotationJournal journal) {
        return kube(() -> recoverBlocking(journal));
    }

    @Override
    public Future<Revoked> revoke(RotationJournal journal) {
        return kube(() -> revokeBlocking(journal));
    }

    @Override
    public boolean appliesLater() {
        return true;
    }

    @Override
    public String describe(String maskedKey) {
        return "key " + maskedKey + " in spec.keys of " + user();
    }

    /** The user object, named for messages. */
    String user() {
        return "CephObjectStoreUser " + rook.namespace() + "/" + rook.user();
    }

    /** A key of RGW's shape: 20 upper-case letters and digits, a 40-character secret. */
    static Credential generate(SecureRandom random) {
        return MinioAdmin.newServiceAccountKey(random);
    }

    // ---- blocking, shared with RgwAdminKeys ----

    /**
     * Makes {@code key} the rotation's own: its Secret (an existing one of this rotation wins: a repeated mint) and
     * its {@code spec.keys} entry. Returns the key the Secret holds.
     */
    Credential own(RotationJournal journal, Credential key) {
        GenericKubernetesResource user = userObject();
        String name = secretName(rook.user(), journal.rotationId());
        Credential owned = kube.secret(rook.namespace(), name)
                .map(this::credential)
                .orElseGet(() -> {
                    kube.createSecret(keySecret(user, name, journal.rotationId(), key));
                    return key;
                });
        SpecKeys keys = SpecKeys.parse(specKeys(user));
        SpecKeys wanted = keys.with(SpecKeys.Entry.owned(name));
        if (!wanted.equals(keys)) {
            kube.replaceRookUserKeys(rook.namespace(), rook.user(), wanted.toMaps());
        }
        return owned;
    }

    Optional<Credential> recoverBlocking(RotationJournal journal) {
        return kube.secret(rook.namespace(), secretName(rook.user(), journal.rotationId()))
                .filter(RookSpecKeys::ownedByCredrift)
                .map(this::credential);
    }

    Revoked revokeBlocking(RotationJournal journal) {
        String old = journal.oldAccessKeyId();
        SpecKeys keys = listed();
        List<SpecKeys.Entry> gone =
                keys.matching(e -> accessKeyId(e).filter(old::equals).isPresent());
        if (gone.isEmpty()) {
            return Revoked.ALREADY_ABSENT;
        }
        SpecKeys rest = keys.without(gone::contains);
        if (rest.entries().isEmpty()) {
            throw new IllegalStateException(
                    "revoking the old key would leave spec.keys of " + user() + " empty: the new key is not listed");
        }
        kube.replaceRookUserKeys(rook.namespace(), rook.user(), rest.toMaps());
        for (SpecKeys.Entry entry : gone) {
            // both refs usually name one Secret
            for (String name : new LinkedHashSet<>(List.of(entry.accessSecret(), entry.secretSecret()))) {
                boolean stillNamed = rest.entries().stream()
                        .anyMatch(e -> e.accessSecret().equals(name)
                                || e.secretSecret().equals(name));
                kube.secret(rook.namespace(), name)
                        .filter(RookSpecKeys::ownedByCredrift)
                        .filter(s -> !stillNamed)
                        .ifPresent(s -> kube.deleteSecret(
                                rook.namespace(), name, s.getMetadata().getUid()));
            }
        }
        return Revoked.REVOKED;
    }

    // ---- reading ----

    private SpecKeys listed() {
        return SpecKeys.parse(specKeys(userObject()));
    }

    private GenericKubernetesResource userObject() {
        return kube.rookObjectUser(rook.namespace(), rook.user())
                .orElseThrow(() -> new KubeGateway.MissingObject(user() + " does not exist"));
    }

    private static Object specKeys(GenericKubernetesResource user) {
        Object spec = user.getAdditionalProperties().get("spec");
        return spec instanceof Map<?, ?> m ? m.get("keys") : null;
    }

    /** The access key id an entry names, if its Secret and key can be read. */
    private Optional<String> accessKeyId(SpecKeys.Entry entry) {
        return kube.secret(rook.namespace(), entry.accessSecret()).flatMap(s -> value(s, entry.accessKey()));
    }

    private Credential credential(Secret secret) {
        String where = "Secret " + rook.namespace() + "/" + secret.getMetadata().getName();
        String id = value(secret, SpecKeys.ACCESS_KEY)
                .orElseThrow(() -> new IllegalStateException(where + " has no " + SpecKeys.ACCESS_KEY));
        String key = value(secret, SpecKeys.SECRET_KEY)
                .orElseThrow(() -> new IllegalStateException(where + " has no " + SpecKeys.SECRET_KEY));
        return new Credential(id, SecretValue.of(key));
    }

    private static Optional<String> value(Secret secret, String key) {
        return Optional.ofNullable(secret.getData())
                .map(d -> d.get(key))
                .map(encoded -> new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8).strip())
                .filter(v -> !v.isEmpty());
    }

    static boolean ownedByCredrift(Secret secret) {
        Map<String, String> labels =
                secret.getMetadata() == null ? null : secret.getMetadata().getLabels();
        return labels != null && CREDRIFT.equals(labels.get(MANAGED_BY));
    }

    private Secret keySecret(GenericKubernetesResource user, String name, String rotationId, Credential key) {
        Base64.Encoder b64 = Base64.getEncoder();
        return new SecretBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(rook.namespace())
                .addToLabels(MANAGED_BY, CREDRIFT)
                .addToLabels(ROTATION_ID, rotationId)
                .addToLabels(OBJECT_USER, rook.user())
                // owned by the user object: deleting the user takes credrift's key Secrets with it
                .withOwnerReferences(new OwnerReferenceBuilder()
                        .withApiVersion(user.getApiVersion())
                        .withKind(user.getKind())
                        .withName(rook.user())
                        .withUid(user.getMetadata().getUid())
                        .build())
                .endMetadata()
                .withType("Opaque")
                .addToData(
                        SpecKeys.ACCESS_KEY,
                        b64.encodeToString(key.accessKeyId().getBytes(StandardCharsets.UTF_8)))
                .addToData(
                        SpecKeys.SECRET_KEY,
                        b64.encodeToString(key.secret().reveal().getBytes(StandardCharsets.UTF_8)))
                .build();
    }

    private <T> Future<T> kube(Callable<T> blocking) {
        return exec.guards().kubernetes().call(exec.context(), session.log(), blocking);
    }
}
