package dev.credrift.reconciler.rotate.keys;

import dev.credrift.api.spec.MinioSource;
import dev.credrift.events.credential.Credential;
import dev.credrift.reconciler.minio.AdminCredentials;
import dev.credrift.reconciler.minio.MinioAdmin;
import dev.credrift.reconciler.probe.ProbeTarget;
import dev.credrift.reconciler.rotate.RotationJournal;
import dev.credrift.reconciler.step.Exec;
import dev.credrift.reconciler.step.RemediationSession;
import dev.credrift.reconciler.world.BoundBinding;
import dev.credrift.reconciler.world.KubeGateway;
import io.vertx.core.Future;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A MinIO service account: mint = a new service account through the admin API next to the old one, revoke = delete
 * the old one. The new secret lives only in memory until the vault holds it (MinIO shows no secret again).
 */
final class MinioKeys implements RotationKeys {

    /** The longest one admin call may take (Argon2 key derivation on each encrypted body included). */
    private static final Duration ADMIN_CALL_TIMEOUT = Duration.ofSeconds(15);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Exec exec;
    private final KubeGateway kube;
    private final RemediationSession session;
    private final BoundBinding binding;
    private final ProbeTarget target;
    private final MinioSource minio;

    MinioKeys(Exec exec, KubeGateway kube, RemediationSession session, BoundBinding binding, ProbeTarget target) {
        this.exec = exec;
        this.kube = kube;
        this.session = session;
        this.binding = binding;
        this.target = target;
        this.minio = binding.spec().source().minio();
    }

    @Override
    public Future<Set<String>> keys(String oldAccessKeyId) {
        // MinIO lists no key history: the old key is all a resumed mint needs to tell the new one from
        return Future.succeededFuture(Set.of(oldAccessKeyId));
    }

    @Override
    public Future<Credential> mint(RotationJournal journal) {
        Credential fresh = MinioAdmin.newServiceAccountKey(RANDOM);
        return call(api -> api.ensure(fresh, Optional.ofNullable(minio.policy()).filter(p -> !p.isBlank())))
                .map(fresh);
    }

    @Override
    public Future<Optional<Credential>> recover(RotationJournal journal) {
        return Future.succeededFuture(Optional.empty());
    }

    @Override
    public Future<Revoked> revoke(RotationJournal journal) {
        return call(api -> api.delete(journal.oldAccessKeyId()))
                .map(deleted -> deleted == MinioAdmin.Deleted.DELETED ? Revoked.REVOKED : Revoked.ALREADY_ABSENT);
    }

    @Override
    public boolean appliesLater() {
        return false;
    }

    @Override
    public String describe(String maskedKey) {
        return "service account " + maskedKey + " in MinIO at " + minio.endpoint();
    }

    private <T> Future<T> call(Function<MinioAdmin, T> call) {
        return exec.guards()
                .kubernetes()
                .call(
                        exec.context(),
                        session.log(),
                        () -> AdminCredentials.read(kube, binding.id().namespace(), minio.adminSecretRef()))
                .compose(admin -> exec.guards().storeAdmin().call(exec.context(), session.log(), () -> {
                    try (MinioAdmin api = MinioAdmin.connect(
                            URI.create(minio.endpoint().trim()),
                            admin,
                            target.tls(),
                            target.region().orElse(null),
                            ADMIN_CALL_TIMEOUT)) {
                        return call.apply(api);
                    }
                }));
    }
}
