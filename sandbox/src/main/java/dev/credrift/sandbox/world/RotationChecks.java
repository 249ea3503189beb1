package dev.credrift.sandbox.world;

import dev.credrift.api.CredentialBinding;
import dev.credrift.events.credential.Credential;
import dev.credrift.events.credential.SecretValue;
import dev.credrift.sandbox.minio.MinioStandIn;
import dev.credrift.sandbox.s3.RefusalCount;
import dev.credrift.sandbox.s3.S3StoreStandIn;
import dev.credrift.sandbox.world.spec.Expectation;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checks of a managed rotation's end state (story 6): the binding's {@code status.rotation}, the store's 403s, a
 * revoked key. {@code status.rotation} is read from the object as served, not from the typed status, so that the check
 * follows the rotation contract whichever status model the reconciler writes it with.
 */
final class RotationChecks {

    private RotationChecks() {}

    static Verdict phase(World world, Expectation.BindingRotation e) {
        GenericKubernetesResource binding = world.kubernetesClient()
                .genericKubernetesResources(
                        HasMetadata.getApiVersion(CredentialBinding.class),
                        HasMetadata.getKind(CredentialBinding.class))
                .inNamespace(e.namespace())
                .withName(e.name())
                .get();
        if (binding == null) {
            return Verdict.not("no such binding");
        }
        if (!(binding.get("status", "rotation") instanceof Map<?, ?> rotation) || rotation.get("phase") == null) {
            return Verdict.not("no status.rotation yet");
        }
        String detail = "rotation " + rotation.get("phase")
                + Optional.ofNullable(rotation.get("newKey"))
                        .filter(Map.class::isInstance)
                        .map(k -> ((Map<?, ?>) k).get("accessKeyId"))
                        .map(id -> ", new key " + id)
                        .orElse("")
                + Optional.ofNullable(rotation.get("message"))
                        .map(m -> ": " + m)
                        .orElse("");
        return e.phase().equals(rotation.get("phase")) ? Verdict.holds(detail) : Verdict.not(detail);
    }

    static Verdict refusals(World world, Expectation.StoreRefusedRequests e) {
        Optional<S3StoreStandIn> store = standIn(world);
        if (store.isEmpty()) {
            return Verdict.not("only the S3 stand-in counts refused requests");
        }
        RefusalCount count = e.user().map(store.get()::refusedRequests).orElseGet(store.get()::refusedRequests);
        long counted = e.byConsumers() ? count.byConsumers() : count.all();
        String detail = counted + " refused (" + count.all() + " in all, " + count.byConsumers() + " of consumers)";
        return counted <= e.max() ? Verdict.holds(detail) : Verdict.not(detail);
    }

    static Verdict revoked(World world, Expectation.StoreKeyRevoked e) {
        Optional<S3StoreStandIn> store = standIn(world);
        if (store.isEmpty()) {
            return Verdict.not("only the S3 stand-in is asked about a revoked key");
        }
        // the store looks the key up before the secret: any secret tells whether it still exists
        Optional<String> refusal = store.get().refusal(new Credential(e.accessKeyId(), SecretValue.of("-")), null);
        boolean gone = refusal.filter("InvalidAccessKeyId"::equals).isPresent();
        boolean account = world.minio()
                .map(m ->
                        m.serviceAccounts().stream().anyMatch(a -> a.accessKey().equals(e.accessKeyId())))
                .orElse(false);
        String detail = (gone ? "the store refuses it with InvalidAccessKeyId" : "the store still knows it")
                + (account ? "; MinIO still lists its service account" : "");
        return gone && !account ? Verdict.holds(detail) : Verdict.not(detail);
    }

    /** The keys a hop may hold: the user's, or with no user (a MinIO world) every MinIO service account's. */
    static List<Credential> storeKeys(World world, String user) {
        if (user != null) {
            return world.objectStore().users().keys(user);
        }
        MinioStandIn minio = world.minio().orElseThrow(() -> new IllegalArgumentException("no MinIO in this world"));
        List<Credential> keys = new ArrayList<>();
        for (MinioStandIn.ServiceAccount account : minio.serviceAccounts()) {
            keys.addAll(minio.store().keys(account.accessKey()));
        }
        return keys;
    }

    private static Optional<S3StoreStandIn> standIn(World world) {
        return world.objectStore().standIn();
    }
}
