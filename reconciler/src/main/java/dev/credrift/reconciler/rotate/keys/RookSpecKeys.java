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
import io.vertx.core.Future;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;

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
        return KeySecret.name(user, rotationId);
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
    public Future<Optional<Credential>> previous(RotationJournal journal) {
        return kube(() -> previousBlocking(journal));
    }

    @Override
    public String noPrevious() {
        return RotationKeys.OLD_SECRET_GONE;
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
                .map(KeySecret::credential)
                .orElseGet(() -> {
                    kube.createSecret(KeySecret.of(
                            rook.namespace(), name, journal.rotationId(), Map.of(OBJECT_USER, rook.user()), user, key));
                    return key;
                });
        write(keys -> keys.with(SpecKeys.Entry.owned(name)));
        return owned;
    }

    Optional<Credential> recoverBlocking(RotationJournal journal) {
        return kube.secret(rook.namespace(), secretName(rook.user(), journal.rotationId()))
                .filter(KeySecret::ownedByCredrift)
                .map(KeySecret::credential);
    }

    // the old key's entry stays in spec.keys until the revoke, and with it the Secret it names
    Optional<Credential> previousBlocking(RotationJournal journal) {
        for (SpecKeys.Entry entry : listed().entries()) {
            if (accessKeyId(entry).filter(journal.oldAccessKeyId()::equals).isPresent()) {
                return kube.secret(rook.namespace(), entry.secretSecret())
                        .flatMap(s -> KeySecret.value(s, entry.secretKey()))
                        .map(secret -> new Credential(journal.oldAccessKeyId(), SecretValue.of(secret)));
            }
        }
        return Optional.empty();
    }

    Revoked revokeBlocking(RotationJournal journal) {
        String old = journal.oldAccessKeyId();
        SpecKeysWrite.Written written = write(keys -> {
            SpecKeys rest = keys.without(e -> accessKeyId(e).filter(old::equals).isPresent());
            if (!rest.equals(keys) && rest.entries().isEmpty()) {
                throw new IllegalStateException("revoking the old key would leave spec.keys of " + user()
                        + " empty: the new key is not listed");
            }
            return rest;
        });
        SpecKeys rest = written.after();
        List<SpecKeys.Entry> gone =
                written.before().matching(e -> !rest.entries().contains(e));
        if (gone.isEmpty()) {
            return Revoked.ALREADY_ABSENT;
        }
        for (SpecKeys.Entry entry : gone) {
            // both refs usually name one Secret
            for (String name : new LinkedHashSet<>(List.of(entry.accessSecret(), entry.secretSecret()))) {
                boolean stillNamed = rest.entries().stream()
                        .anyMatch(e -> e.accessSecret().equals(name)
                                || e.secretSecret().equals(name));
                if (!stillNamed) {
                    KeySecret.deleteLeftover(
                            kube, session.log(), rook.namespace(), name, "dropped from spec.keys of " + user());
                }
            }
        }
        return Revoked.REVOKED;
    }

    // ---- reading ----

    private SpecKeys listed() {
        return SpecKeys.parse(SpecKeysWrite.keys(userObject()));
    }

    // a change of spec.keys from a fresh read, written onto that read's resourceVersion only
    private SpecKeysWrite.Written write(UnaryOperator<SpecKeys> change) {
        return SpecKeysWrite.change(
                user(),
                this::userObject,
                (version, keys) -> kube.replaceRookUserKeys(rook.namespace(), rook.user(), version, keys),
                change);
    }

    private GenericKubernetesResource userObject() {
        return kube.rookObjectUser(rook.namespace(), rook.user())
                .orElseThrow(() -> new KubeGateway.MissingObject(user() + " does not exist"));
    }

    /** The access key id an entry names, if its Secret and key can be read. */
    private Optional<String> accessKeyId(SpecKeys.Entry entry) {
        return kube.secret(rook.namespace(), entry.accessSecret()).flatMap(s -> KeySecret.value(s, entry.accessKey()));
    }

    private <T> Future<T> kube(Callable<T> blocking) {
        return exec.guards().kubernetes().call(exec.context(), session.log(), blocking);
    }
}
