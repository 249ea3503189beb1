package dev.credrift.reconciler.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.api.CredentialBinding;
import dev.credrift.api.spec.AdminSecretRef;
import dev.credrift.api.spec.Authority;
import dev.credrift.api.spec.CredentialBindingSpec;
import dev.credrift.api.spec.ExternalSecretRef;
import dev.credrift.api.spec.MinioSource;
import dev.credrift.api.spec.Mode;
import dev.credrift.api.spec.OnePasswordFields;
import dev.credrift.api.spec.OnePasswordItem;
import dev.credrift.api.spec.Replica;
import dev.credrift.api.spec.Rollout;
import dev.credrift.api.spec.Rotation;
import dev.credrift.api.spec.Source;
import dev.credrift.api.spec.Store;
import dev.credrift.api.spec.Vault;
import dev.credrift.events.BindingId;
import dev.credrift.events.Topic;
import dev.credrift.events.codec.KafkaRecord;
import dev.credrift.events.credential.Credential;
import dev.credrift.events.payload.RemediationHalted;
import dev.credrift.events.payload.RotationFailed;
import dev.credrift.sandbox.minio.MinioStandIn;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** What the MinIO ITs (story 2, the MinIO rotation) share: the admin Secret, the binding, the secret scan. */
final class MinioBindings {

    /** The StatefulSet {@link #tempo} sets up. */
    static final String TEMPO = "tempo";

    /** The binding the rotation ITs rotate. */
    static final String TEMPO_S3 = "tempo-s3";

    static final BindingId TEMPO_BINDING = BindingId.of(ItWorld.NS, TEMPO_S3);

    private MinioBindings() {}

    /** The MinIO stand-in in front of the world's store, its generated root credential planted (never to leak). */
    static MinioStandIn startMinio(ItWorld world) {
        MinioStandIn minio = MinioStandIn.start(world.store, MinioStandIn.generatedRoot("minio-root"));
        world.plant(minio.root());
        return minio;
    }

    /** Tempo's service account before any rotation, planted (never to leak). */
    static Credential oldTempoKey(ItWorld world) {
        return world.plant(Credential.of("TEMPOSA6OLDKEY000001", "tempo-old-secret-0000000000000000000001"));
    }

    /** MinIO's root credential in a Secret, as the binding's {@code adminSecretRef} names it. */
    static void adminSecret(ItWorld world, MinioStandIn minio) {
        world.client
                .secrets()
                .resource(new SecretBuilder()
                        .withNewMetadata()
                        .withNamespace(ItWorld.ROOK_NS)
                        .withName("minio-root")
                        .endMetadata()
                        .addToData(
                                AdminSecretRef.DEFAULT_ACCESS_KEY_KEY,
                                b64(minio.root().accessKeyId()))
                        .addToData(
                                AdminSecretRef.DEFAULT_SECRET_KEY_KEY,
                                b64(minio.root().secret().reveal()))
                        .build())
                .create();
    }

    /** A binding on MinIO: 1Password is the authority, the world's ExternalSecret its replica. */
    static void binding(ItWorld world, MinioStandIn minio, String name, Mode mode, Rotation rotation) {
        binding(world, minio, name, mode, rotation, new Rollout(3, "20s"));
    }

    /** The same, with its own rollout budget. */
    static void binding(ItWorld world, MinioStandIn minio, String name, Mode mode, Rotation rotation, Rollout rollout) {
        CredentialBinding binding = new CredentialBinding();
        binding.setMetadata(
                new ObjectMetaBuilder().withNamespace(ItWorld.NS).withName(name).build());
        binding.setSpec(new CredentialBindingSpec(
                mode,
                Authority.VAULT,
                Source.of(new MinioSource(
                        minio.endpoint().toString(),
                        new AdminSecretRef("minio-root", ItWorld.ROOK_NS, null, null),
                        null)),
                new Vault(new OnePasswordItem(
                        ItWorld.VAULT, ItWorld.ITEM, new OnePasswordFields("access_key", "secret_key"), null)),
                new Replica(new ExternalSecretRef(ItWorld.ES)),
                List.of(),
                new Store(world.store.endpoint().toString(), ItWorld.BUCKET, null, null, null),
                rollout,
                rotation));
        world.client.resources(CredentialBinding.class).resource(binding).create();
    }

    /**
     * Tempo on MinIO service account {@code old}, with binding {@code name} rotating it on demand (revokeAfter 2 s):
     * 1Password, the replica and Tempo's pod hold the old key; the stand-in lists it.
     *
     * @param rolloutsPerHour the binding's rollout budget (each rotation rolls Tempo once)
     */
    static void tempo(ItWorld world, MinioStandIn minio, String name, Credential old, int rolloutsPerHour) {
        minio.addServiceAccount(old);
        adminSecret(world, minio);
        world.vaultItem(old);
        world.externalSecret(ItWorld.ES, "1h", null);
        world.replica(old);
        world.statefulSet(TEMPO, 1, ItWorld.aSecondLater());
        binding(
                world,
                minio,
                name,
                Mode.REMEDIATE,
                new Rotation("720h", null, "2s", null, null, null),
                new Rollout(rolloutsPerHour, "20s"));
    }

    /**
     * The binding's remediation halted once on the readiness gate and the rotation failed once keeping the old key;
     * returns what {@code rotation.failed} said.
     */
    static String haltedOnTheReadinessGate(ItWorld world) {
        assertThat(world.outcomes(RemediationHalted.class))
                .singleElement()
                .satisfies(h -> assertThat(h.reason()).isEqualTo(RemediationHalted.Reason.READINESS_GATE_FAILED));
        List<RotationFailed> failed = world.outcomes(RotationFailed.class);
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).oldKeyKept()).isTrue();
        return failed.get(0).detail();
    }

    /** Sets {@code credrift.dev/rotate-now} on binding {@code name} to {@code token}. */
    static void askForRotation(ItWorld world, String name, String token) {
        world.client
                .resources(CredentialBinding.class)
                .inNamespace(ItWorld.NS)
                .withName(name)
                .patch(
                        PatchContext.of(PatchType.JSON_MERGE),
                        "{\"metadata\":{\"annotations\":{\"credrift.dev/rotate-now\":\"" + token + "\"}}}");
    }

    /** The keys of MinIO's service accounts (the stand-in's accounts are store users named by their access key). */
    static List<Credential> serviceAccountKeys(ItWorld world, MinioStandIn minio) {
        return minio.serviceAccounts().stream()
                .flatMap(a -> world.store.keys(a.accessKey()).stream())
                .toList();
    }

    /**
     * None of {@code secrets} (as is or base64-encoded) in any record, the binding's status, an Event or a log line;
     * {@code mustSee} proves the outcomes were read at all.
     */
    static void assertNoSecretIn(ItWorld world, BindingId id, List<String> logs, List<String> secrets, String mustSee) {
        List<String> places = new ArrayList<>();
        for (Topic topic : Topic.values()) {
            for (KafkaRecord record : world.raw(topic)) {
                places.add(topic + " value "
                        + (record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8)));
            }
        }
        places.add("status " + world.client.getKubernetesSerialization().asJson(world.status(id)));
        world.kubeEvents().forEach(e -> places.add("event " + e.getReason() + " " + e.getNote()));
        places.addAll(logs.stream().map(l -> "log " + l).toList());
        assertThat(places).anySatisfy(p -> assertThat(p).startsWith("OUTCOMES").contains(mustSee));
        for (String place : places) {
            for (String secret : secrets) {
                assertThat(place)
                        .as("a secret in: %s", place.length() > 300 ? place.substring(0, 300) : place)
                        .doesNotContain(secret)
                        .doesNotContain(b64(secret));
            }
        }
    }

    static String b64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
