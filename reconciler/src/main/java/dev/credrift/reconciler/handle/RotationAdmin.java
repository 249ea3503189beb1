package dev.credrift.reconciler.handle;

import dev.credrift.api.spec.MinioSource;
import dev.credrift.reconciler.minio.AdminCredentials;
import dev.credrift.reconciler.minio.MinioAdmin;
import dev.credrift.reconciler.probe.ProbeTarget;
import dev.credrift.reconciler.step.StepTools;
import dev.credrift.reconciler.world.BoundBinding;
import io.vertx.core.Future;
import java.net.URI;
import java.time.Duration;
import java.util.function.Function;

/**
 * One call of MinIO's admin API for a rotation: the admin credential is read from the Secret the binding names (as
 * the store-account step does), then the call runs on a worker behind the store-admin guard.
 */
final class RotationAdmin {

    /** The longest one admin call may take (Argon2 key derivation on each encrypted body included). */
    private static final Duration ADMIN_CALL_TIMEOUT = Duration.ofSeconds(15);

    private final StepTools tools;

    RotationAdmin(StepTools tools) {
        this.tools = tools;
    }

    <T> Future<T> call(Handling h, BoundBinding b, ProbeTarget target, Function<MinioAdmin, T> call) {
        MinioSource minio = b.spec().source().minio();
        return tools.guards()
                .kubernetes()
                .call(
                        tools.context(),
                        h.log(),
                        () -> AdminCredentials.read(tools.kube(), b.id().namespace(), minio.adminSecretRef()))
                .compose(admin -> tools.guards().storeAdmin().call(tools.context(), h.log(), () -> {
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
