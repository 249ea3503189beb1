package dev.credrift.reconciler.rotate.keys;

import dev.credrift.api.spec.AdminSecretRef;
import dev.credrift.api.spec.KeyAdminSecretRef;
import dev.credrift.api.spec.RookObjectUserSource;
import dev.credrift.events.credential.Credential;
import dev.credrift.reconciler.minio.AdminCredentials;
import dev.credrift.reconciler.probe.ProbeTarget;
import dev.credrift.reconciler.rotate.RotationJournal;
import dev.credrift.reconciler.rotate.rgw.RgwAdminOps;
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
import java.util.function.Function;

/**
 * A Rook {@code CephObjectStoreUser} with {@code spec.keys} and an RGW admin credential
 * ({@code spec.rotation.adminSecretRef}, caps {@code users=*}): RGW's Admin Ops API mints the key and revokes the old
 * one at once (no wait for Rook), and the list is kept in step through {@link RookSpecKeys} — a key minted behind
 * Rook's back and missing from {@code spec.keys} would be removed by Rook's next reconcile. The RGW uid is the user
 * object's name, as Rook creates it.
 */
final class RgwAdminKeys implements RotationKeys {

    private static final Duration ADMIN_CALL_TIMEOUT = Duration.ofSeconds(15);
    private static final String FIELD = "spec.rotation.adminSecretRef";

    private final Exec exec;
    private final KubeGateway kube;
    private final RemediationSession session;
    private final BoundBinding binding;
    private final ProbeTarget target;
    private final RookSpecKeys list;
    private final String uid;

    RgwAdminKeys(Exec exec, KubeGateway kube, RemediationSession session, BoundBinding binding, ProbeTarget target) {
        this.exec = exec;
        this.kube = kube;
        this.session = session;
        this.binding = binding;
        this.target = target;
        RookObjectUserSource rook =
                (RookObjectUserSource) binding.spec().source().selected().orElseThrow();
        this.list = new RookSpecKeys(exec, kube, session, rook);
        this.uid = rook.user();
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
        return list.recover(journal)
                .compose(owned ->
                        owned.isPresent() ? Future.succeededFuture(owned.get()) : admin(api -> minted(api, journal)))
                .compose(key ->
                        exec.guards().kubernetes().call(exec.context(), session.log(), () -> list.own(journal, key)));
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
        return list.recover(journal);
    }

    @Override
    public Future<Revoked> revoke(RotationJournal journal) {
        return list.revoke(journal)
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
        return "key " + maskedKey + " of RGW user " + uid + " at " + target.endpoint() + " (Admin Ops; listed in"
                + " spec.keys of " + list.user() + ")";
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
