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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * A MinIO service account: mint = a new service account through the admin API next to the old one, revoke = delete
 * the old one. credrift generates the key pair itself (MinIO's add-service-account takes a caller-given access key and
 * secret) and stages it in a Secret it owns ({@code credrift-<binding>-<rotation>} in the binding's namespace, owned
 * by the binding) before MinIO is asked: MinIO never shows a secret again, so a restart between the add and the
 * vault write would otherwise lose it. A repeated mint reads the staged key back and adds the account only if MinIO
 * does not list it (one new key, never a third). The revoke deletes the staged Secret too: the vault holds the key.
 */
final class MinioKeys implements RotationKeys {

    /** The longest one admin call may take (Argon2 key derivation on each encrypted body included). */
    private static final Duration ADMIN_CALL_TIMEOUT = Duration.ofSeconds(15);

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String BINDING = "credrift.dev/binding";

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
        // staged before MinIO is asked: whatever happens next, the secret is where a resumed mint finds it
        return kube(() -> staged(journal).orElseGet(() -> stage(journal, MinioAdmin.newServiceAccountKey(RANDOM))))
                .compose(key -> call(api -> api.ensure(
                                key, Optional.ofNullable(minio.policy()).filter(p -> !p.isBlank())))
                        .map(key));
    }

    @Override
    public Future<Optional<Credential>> recover(RotationJournal journal) {
        return kube(() -> staged(journal));
    }

    @Override
    public Future<Optional<Credential>> previous(RotationJournal journal) {
        // MinIO never returns a service account's secret, and credrift does not keep the old one
        return Future.succeededFuture(Optional.empty());
    }

    @Override
    public String noPrevious() {
        return "MinIO does not return the old key's secret";
    }

    @Override
    public Future<Revoked> revoke(RotationJournal journal) {
        return call(api -> api.delete(journal.oldAccessKeyId()))
                .compose(deleted -> kube(() -> unstage(journal))
                        .map(deleted == MinioAdmin.Deleted.DELETED ? Revoked.REVOKED : Revoked.ALREADY_ABSENT));
    }

    @Override
    public boolean appliesLater() {
        return false;
    }

    @Override
    public String describe(String maskedKey) {
        return "service account " + maskedKey + " in MinIO at " + minio.endpoint();
    }

    // ---- the staged key: blocking, behind the Kubernetes guard ----

    private String stagedName(RotationJournal journal) {
        return KeySecret.name(binding.id().name(), journal.rotationId());
    }

    private Optional<Credential> staged(RotationJournal journal) {
        return kube.secret(binding.id().namespace(), stagedName(journal))
                .filter(KeySecret::ownedByCredrift)
                .map(KeySecret::credential);
    }

    private Credential stage(RotationJournal journal, Credential key) {
        kube.createSecret(KeySecret.of(
                binding.id().namespace(),
                stagedName(journal),
                journal.rotationId(),
                Map.of(BINDING, binding.id().name()),
                binding.resource(),
                key));
        return key;
    }

    // only the Secret this rotation staged, and only if credrift made it
    private Void unstage(RotationJournal journal) {
        KeySecret.deleteLeftover(
                kube,
                session.log(),
                binding.id().namespace(),
                stagedName(journal),
                "its service account deleted in MinIO");
        return null;
    }

    private <T> Future<T> kube(Callable<T> blocking) {
        return exec.guards().kubernetes().call(exec.context(), session.log(), blocking);
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
