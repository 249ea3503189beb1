package dev.credrift.app.check;

import dev.credrift.api.CredentialBinding;
import dev.credrift.api.spec.CredentialBindingSpec;
import dev.credrift.api.spec.RookObjectUserSource;
import dev.credrift.api.spec.SecretSource;
import dev.credrift.api.spec.SourceKind;
import dev.credrift.api.spec.WebIdentitySource;
import dev.credrift.events.BindingId;
import dev.credrift.reconciler.report.SafeText;
import dev.credrift.reconciler.rotate.KeySince;
import dev.credrift.reconciler.rotate.RotationDecision;
import dev.credrift.reconciler.rotate.RotationFacts;
import dev.credrift.reconciler.rotate.RotationSummary;
import dev.credrift.reconciler.rotate.Rotations;
import dev.credrift.reconciler.rotate.TokenLifetimes;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The key-age line of {@code credrift check} for a binding with {@code spec.rotation}: reads the binding, the Rook
 * user's {@code spec.keys} and the authority Secret's metadata (a role-based binding: its pods' web-identity tokens),
 * then lets the rotation planner decide (with no journal: check runs without Kafka, so an open rotation is not seen)
 * and {@code RotationSummary} word it.
 */
final class RotationLine {

    private static final String ROOK_USERS = "ceph.rook.io/v1";

    private final KubernetesClient client;
    private final Rotations rotations;
    private final Clock clock;

    RotationLine(KubernetesClient client, Clock clock) {
        this.client = client;
        this.rotations = new Rotations(clock);
        this.clock = clock;
    }

    /**
     * The line, or empty when the binding declares no {@code spec.rotation} (or is gone: the check says so).
     *
     * @param assessed whether the check assessed the binding: of the others, only a role-based one gets a line (check
     *                 never assesses those; its line is its pods' token lifetimes)
     */
    Optional<String> line(BindingId id, boolean assessed) {
        try {
            CredentialBinding binding = client.resources(CredentialBinding.class)
                    .inNamespace(id.namespace())
                    .withName(id.name())
                    .get();
            CredentialBindingSpec spec = binding == null ? null : binding.getSpec();
            if (spec == null || spec.rotation() == null) {
                return Optional.empty();
            }
            SourceKind kind =
                    spec.source() == null ? null : spec.source().selected().orElse(null);
            if (!assessed && !(kind instanceof WebIdentitySource)) {
                return Optional.empty();
            }
            boolean specKeys = kind instanceof RookObjectUserSource rook && hasSpecKeys(rook);
            Optional<Instant> keySince = authoritySecret(id, kind).flatMap(KeySince::of);
            RotationFacts facts = new RotationFacts(
                    Rotations.capability(spec, specKeys),
                    keySince,
                    Set.of(),
                    Map.of(),
                    false,
                    Optional.empty(),
                    kind instanceof WebIdentitySource web ? Optional.of(podTokens(id, web)) : Optional.empty());
            Optional<RotationDecision> decision = rotations.decide(binding, Optional.empty(), facts);
            return decision.map(d -> RotationSummary.checkLine(spec.rotation(), d, keySince, clock.instant()));
        } catch (RuntimeException e) {
            return Optional.of("key age not read: " + SafeText.of(e));
        }
    }

    /** A role-based binding's pods' token lifetimes: check does not exchange at STS, so its keys are not seen. */
    private TokenLifetimes podTokens(BindingId id, WebIdentitySource web) {
        List<Pod> pods = client.pods().inNamespace(id.namespace()).list().getItems();
        return new TokenLifetimes(Optional.empty(), TokenLifetimes.podTokens(pods, web.serviceAccount()));
    }

    /** Rook ≥ 1.17 keeps every key listed in {@code spec.keys}; without it, only one (see {@code Capability}). */
    private boolean hasSpecKeys(RookObjectUserSource rook) {
        GenericKubernetesResource user = client.genericKubernetesResources(ROOK_USERS, "CephObjectStoreUser")
                .inNamespace(rook.namespace())
                .withName(rook.user())
                .get();
        Object keys = user == null ? null : user.get("spec", "keys");
        return keys instanceof List<?> list && !list.isEmpty();
    }

    /**
     * The Secret written when the key changes: Rook's user Secret or the named Secret. A MinIO source keeps no copy
     * (the vault is the authority) and a role-based one has no key: their age is unknown here.
     */
    private Optional<ObjectMeta> authoritySecret(BindingId id, SourceKind kind) {
        Secret secret = null;
        if (kind instanceof RookObjectUserSource rook) {
            secret = client.secrets()
                    .inNamespace(rook.namespace())
                    .withName(rook.secretName())
                    .get();
        } else if (kind instanceof SecretSource named) {
            String namespace = named.namespace() == null ? id.namespace() : named.namespace();
            secret = client.secrets()
                    .inNamespace(namespace)
                    .withName(named.name())
                    .get();
        }
        return Optional.ofNullable(secret).map(Secret::getMetadata);
    }
}
