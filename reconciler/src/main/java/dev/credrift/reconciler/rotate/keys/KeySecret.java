package dev.credrift.reconciler.rotate.keys;

import dev.credrift.events.credential.Credential;
import dev.credrift.events.credential.SecretValue;
import dev.credrift.reconciler.logging.Reconciliation;
import dev.credrift.reconciler.report.SafeText;
import dev.credrift.reconciler.world.KubeGateway;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Secret credrift owns that holds one minted key (data keys {@code AccessKey} and {@code SecretKey}, Rook's names),
 * labelled {@code app.kubernetes.io/managed-by: credrift} and owned by the object it belongs to, so it goes with it.
 * The key is written here before the store is asked to add it: a restart at any point finds it again (no third key,
 * no secret lost). The callers read and write it through the Kubernetes guard.
 */
final class KeySecret {

    static final String ACCESS_KEY = "AccessKey";
    static final String SECRET_KEY = "SecretKey";

    private static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    private static final String CREDRIFT = "credrift";
    private static final String ROTATION_ID = "credrift.dev/rotation-id";
    private static final int MAX_NAME = 253;
    private static final Logger LOG = LoggerFactory.getLogger(KeySecret.class);

    private KeySecret() {}

    /** {@code credrift-<owner>-<first 8 of the rotation id>}: one Secret per rotation of one owner. */
    static String name(String owner, String rotationId) {
        String id = rotationId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        String name = "credrift-" + owner + "-" + id.substring(0, Math.min(8, id.length()));
        return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME);
    }

    /**
     * The Secret holding {@code key}.
     *
     * @param labels labels naming what it belongs to, besides credrift's own
     */
    static Secret of(
            String namespace,
            String name,
            String rotationId,
            Map<String, String> labels,
            HasMetadata owner,
            Credential key) {
        Base64.Encoder b64 = Base64.getEncoder();
        return new SecretBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .addToLabels(labels)
                .addToLabels(MANAGED_BY, CREDRIFT)
                .addToLabels(ROTATION_ID, rotationId)
                .withOwnerReferences(new OwnerReferenceBuilder()
                        .withApiVersion(owner.getApiVersion())
                        .withKind(owner.getKind())
                        .withName(owner.getMetadata().getName())
                        .withUid(owner.getMetadata().getUid())
                        .build())
                .endMetadata()
                .withType("Opaque")
                .addToData(ACCESS_KEY, b64.encodeToString(key.accessKeyId().getBytes(StandardCharsets.UTF_8)))
                .addToData(SECRET_KEY, b64.encodeToString(key.secret().reveal().getBytes(StandardCharsets.UTF_8)))
                .build();
    }

    /** Whether credrift made this Secret: only such Secrets are ever deleted. */
    static boolean ownedByCredrift(Secret secret) {
        Map<String, String> labels =
                secret.getMetadata() == null ? null : secret.getMetadata().getLabels();
        return labels != null && CREDRIFT.equals(labels.get(MANAGED_BY));
    }

    /**
     * The key a Secret credrift wrote holds.
     *
     * @throws IllegalStateException naming the Secret and the missing data key (never a value)
     */
    static Credential credential(Secret secret) {
        String where = "Secret " + secret.getMetadata().getNamespace() + "/"
                + secret.getMetadata().getName();
        String id =
                value(secret, ACCESS_KEY).orElseThrow(() -> new IllegalStateException(where + " has no " + ACCESS_KEY));
        String key =
                value(secret, SECRET_KEY).orElseThrow(() -> new IllegalStateException(where + " has no " + SECRET_KEY));
        return new Credential(id, SecretValue.of(key));
    }

    /**
     * Deletes Secret {@code namespace/name} if credrift made it. The key it holds is revoked already ({@code done}
     * says how), so a failed delete is a leftover to delete by hand, logged as such, never a failed revoke: that
     * would halt the rotation saying the old key were still valid.
     */
    static void deleteLeftover(KubeGateway kube, Reconciliation log, String namespace, String name, String done) {
        try {
            kube.secret(namespace, name)
                    .filter(KeySecret::ownedByCredrift)
                    .ifPresent(s ->
                            kube.deleteSecret(namespace, name, s.getMetadata().getUid()));
        } catch (RuntimeException e) {
            log.on(LOG.atWarn())
                    .log(
                            "Rotation: the old key is revoked ({}), but Secret {}/{} that credrift made could not be"
                                    + " deleted ({}); delete it by hand",
                            done,
                            namespace,
                            name,
                            SafeText.of(e));
        }
    }

    /** A data value, decoded and stripped; empty if absent or blank. */
    static Optional<String> value(Secret secret, String key) {
        return Optional.ofNullable(secret.getData())
                .map(d -> d.get(key))
                .map(encoded -> new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8).strip())
                .filter(v -> !v.isEmpty());
    }
}
