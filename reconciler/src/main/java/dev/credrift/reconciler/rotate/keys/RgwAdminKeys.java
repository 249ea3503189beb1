package dev.credrift.reconciler.rotate.keys;

import dev.credrift.api.spec.AdminSecretRef;
import dev.credrift.api.spec.KeyAdminSecretRef;
import dev.credrift.api.spec.RookObjectUserSource;
import dev.credrift.api.spec.SecretSource;
import dev.credrift.api.spec.SourceKind;
import dev.credrift.events.credential.Credential;
import dev.credrift.reconciler.minio.AdminCredentials;
import dev.credrift.reconciler.probe.ProbeTarget;
import dev.credrift.reconciler.rotate.RotationJournal;
import dev.credrift.reconciler.rotate.rgw.RgwAdminOps;
import dev.credrift.reconciler.step.ClusterPorts;
import dev.credrift.reconciler.step.Exec;
import dev.credrift.reconciler.step.RemediationSession;
import dev.credrift.reconciler.world.BoundBinding;
import dev.credrift.reconciler.world.KubeGateway;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * An RGW user rotated through RGW's Admin Ops API with the admin credential of {@code spec.rotation.adminSecretRef}
 * (caps {@code users=*}): RGW mints the key and revokes the old one at once (no wait for Rook). Besides RGW the key is
 * kept in one more place, an {@link RgwKeyCopy} written right after the mint and let go of before the revoke: a Rook
 * {@code CephObjectStoreUser}'s {@code spec.keys} (the RGW uid is the user object's name, as Rook creates it), or a
 * plain RGW user's source Secret ({@code spec.source.secret}, uid {@code spec.rotation.rgwUser}).
 */
final class RgwAdminKeys implements RotationKeys {

    private static final Duration ADMIN_CALL_TIMEOUT = Duration.ofSeconds(15);
    private static final String FIELD = "spec.rotation.adminSecretRef";

    private final Exec exec;
    private final KubeGateway kube;
    private final RemediationSession session;
    private final BoundBinding binding;
    private final ProbeTarget target;
    private final RgwKeyCopy copy;
    private final String uid;

    RgwAdminKeys(
            Exec exec, ClusterPorts cluster, RemediationSession session, BoundBinding binding, ProbeTarget target) {
        this.exec = exec;
        this.kube = cluster.kube();
        this.session = session;
        this.binding = binding;
        this.target = target;
        SourceKind source = binding.spec().source().selected().orElseThrow();
        if (source instanceof RookObjectUserSource rook) {
            this.copy = new RgwKeyCopy.RookList(new RookSpecKeys(exec, kube, session, rook));
            this.uid = rook.user();
        } else {
            this.copy = new SourceSecretCopy(cluster, binding, (SecretSource) source);
            this.uid = binding.spec().rotation().rgwUser();
        }
    }

    @Override
    public Future<Set<String>> keys(String oldAccessKeyId) {
        return admin(api -> {
            Set<String> ids = new HashSet<>();
            ids.add(oldAccessKeyId);
            api.keys(uid).forEach(k -> ids.add(k.accessKeyId()));
            return Set.copyOf(ids);
        });
    }

    @Override
    public Future<Credential> mint(RotationJournal journal) {
        return kube(() -> copy.recover(journal))
                .compose(owned ->
                        owned.isPresent() ? Future.succeededFuture(owned.get()) : admin(api -> minted(api, journal)))
                .compose(key -> kube(() -> copy.own(journal, key)));
    }

    // a key RGW added after the journal's keysBefore is this rotation's, minted before a crash: adopted, not a third
    private Credential minted(RgwAdminOps api, RotationJournal journal) {
        List<Credential> added = api.keys(uid).stream()
                .filter(k -> !journal.keysBefore().contains(k.accessKeyId()))
                .toList();
        if (added.size() > 1) {
            throw new IllegalStateException("RGW user " + uid + " holds " + added.size()
                    + " keys that were not there before the mint: not minting another; remove the extra ones");
        }
        return added.isEmpty() ? api.mint(uid).key() : added.get(0);
    }

    @Override
    public Future<Optional<Credential>> recover(RotationJournal journal) {
        return kube(() -> copy.recover(journal));
    }

    @Override
    public Future<Optional<Credential>> previous(RotationJournal journal) {
        if (copy.noRollback().isPresent()) {
            return Future.succeededFuture(Optional.empty());
        }
        // RGW lists a user's keys with their secrets
        return admin(api -> api.keys(uid).stream()
                .filter(k -> k.accessKeyId().equals(journal.oldAccessKeyId()))
                .findFirst());
    }

    @Override
    public String noPrevious() {
        return copy.noRollback().orElse(RotationKeys.OLD_SECRET_GONE);
    }

    @Override
    public Future<Revoked> revoke(RotationJournal journal) {
        // the copy lets go of the old key first (or refuses while it holds it): RGW revokes only after that
        return kube(() -> copy.release(journal))
                .compose(listed -> admin(api -> api.revoke(uid, journal.oldAccessKeyId()))
                        .map(inRgw -> listed == Revoked.REVOKED || inRgw == RgwAdminOps.Revoked.REVOKED
                                ? Revoked.REVOKED
                                : Revoked.ALREADY_ABSENT));
    }

    @Override
    public boolean appliesLater() {
        return false;
    }

    @Override
    public String describe(String maskedKey) {
        return "key " + maskedKey + " of RGW user " + uid + " at " + target.endpoint()
                + " (Admin Ops; kept in step with " + copy.describe() + ")";
    }

    private <T> Future<T> kube(Callable<T> blocking) {
        return exec.guards().kubernetes().call(exec.context(), session.log(), blocking);
    }

    private <T> Future<T> admin(Function<RgwAdminOps, T> call) {
        KeyAdminSecretRef ref = binding.spec().rotation().adminSecretRef();
        return exec.guards()
                .kubernetes()
                .call(
                        exec.context(),
                        session.log(),
                        () -> AdminCredentials.read(
                                kube,
                                binding.id().namespace(),
                                new AdminSecretRef(ref.name(), ref.namespace(), ref.accessKeyKey(), ref.secretKeyKey()),
                                FIELD))
                .compose(admin -> exec.guards().storeAdmin().call(exec.context(), session.log(), () -> {
                    try (RgwAdminOps api = RgwAdminOps.connect(
                            target.endpoint(),
                            admin,
                            target.tls(),
                            target.region().orElse(null),
                            ADMIN_CALL_TIMEOUT,
                            exec.clock())) {
                        return call.apply(api);
                    }
                }));
    }
}
