package dev.credrift.reconciler.step;

import dev.credrift.api.spec.MinioSource;
import dev.credrift.events.credential.Credential;
import dev.credrift.reconciler.minio.AdminCredentials;
import dev.credrift.reconciler.minio.MinioAdmin;
import dev.credrift.reconciler.probe.CachingStoreProbe;
import dev.credrift.reconciler.probe.ProbeVerdict;
import dev.credrift.reconciler.probe.StoreProbe;
import dev.credrift.reconciler.world.KubeGateway;
import io.vertx.core.Future;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Creates the MinIO service account with exactly the vault's keys (story 2), through the admin API with the admin
 * credential from the Secret the binding names. Idempotent: MinIO's list of service accounts is read first; an
 * account that is listed already is not added again, and is only accepted as done when the store takes the vault's
 * credential — one listed with another secret is a conflict, reported and never overwritten. After a creation the
 * store probe's cached verdict for the credential is dropped, so the next probe asks the store.
 */
public final class CreateStoreAccountStep implements Step {

    private final Exec exec;
    private final KubeGateway kube;
    private final StoreProbe probe;

    CreateStoreAccountStep(Exec exec, KubeGateway kube, StoreProbe probe) {
        this.exec = exec;
        this.kube = kube;
        this.probe = probe;
    }

    /** The longest one admin call may take (Argon2 key derivation on each encrypted body included). */
    static final Duration ADMIN_CALL_TIMEOUT = Duration.ofSeconds(15);

    @Override
    public Future<StepOutcome> run(StepContext c) {
        MinioSource minio = c.binding().spec().source() == null
                ? null
                : c.binding().spec().source().minio();
        if (minio == null || minio.endpoint() == null || minio.adminSecretRef() == null) {
            return Future.succeededFuture(new StepOutcome.Failed(
                    "NOT_MINIO",
                    "spec.source.minio with endpoint and" + " adminSecretRef is required to create a store account",
                    false));
        }
        Credential account = c.authority();
        String who = account.maskedAccessKeyId() + " (" + c.authorityFingerprint() + ")";
        String where = "MinIO at " + minio.endpoint();
        return exec.guards()
                .kubernetes()
                .call(
                        exec.context(),
                        c.session().log(),
                        () -> AdminCredentials.read(kube, c.binding().id().namespace(), minio.adminSecretRef()))
                .compose(admin -> exec.guards()
                        .storeAdmin()
                        .call(exec.context(), c.session().log(), () -> {
                            try (MinioAdmin api = MinioAdmin.connect(
                                    URI.create(minio.endpoint().trim()),
                                    admin,
                                    c.target().tls(),
                                    c.target().region().orElse(null),
                                    ADMIN_CALL_TIMEOUT)) {
                                return api.ensure(
                                        account,
                                        Optional.ofNullable(minio.policy()).filter(p -> !p.isBlank()));
                            }
                        }))
                .compose(ensured -> {
                    if (probe instanceof CachingStoreProbe cache) {
                        cache.invalidate(c.target(), account);
                    }
                    if (ensured == MinioAdmin.Ensured.CREATED) {
                        String policy = minio.policy() == null || minio.policy().isBlank()
                                ? "inheriting the admin's policies"
                                : "with canned policy '" + minio.policy() + "'";
                        return Future.succeededFuture((StepOutcome) new StepOutcome.Done(
                                "created service account " + who + " in " + where + ", " + policy));
                    }
                    return alreadyListed(c, who, where);
                })
                .recover(e -> Future.succeededFuture(Steps.failed(e)));
    }

    private Future<StepOutcome> alreadyListed(StepContext c, String who, String where) {
        return exec.guards()
                .store()
                .call(exec.context(), c.session().log(), () -> probe.probe(c.target(), c.authority()))
                .map(verdict -> listed(verdict, who, where));
    }

    // listed already: done only if the store takes the vault's credential; otherwise its secret differs
    static StepOutcome listed(ProbeVerdict verdict, String who, String where) {
        if (verdict instanceof ProbeVerdict.Accepted) {
            return new StepOutcome.AlreadyDone(
                    where + " lists service account " + who + " already and the store accepts the vault's credential");
        }
        if (verdict instanceof ProbeVerdict.Unreachable) {
            return new StepOutcome.Failed(
                    "AUTHORITY_NOT_VERIFIED",
                    where + " lists service account " + who + " already, but the store was not reached to verify it: "
                            + verdict,
                    true);
        }
        return new StepOutcome.Failed(
                "STORE_ACCOUNT_CONFLICT",
                where + " lists service account " + who
                        + " already, but the store refuses the vault's credential (" + verdict
                        + "): it exists with another"
                        + " secret. credrift does not overwrite it; make MinIO and the vault agree by hand",
                false);
    }
}
