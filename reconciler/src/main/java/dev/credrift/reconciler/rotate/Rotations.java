package dev.credrift.reconciler.rotate;

import dev.credrift.api.CredentialBinding;
import dev.credrift.api.spec.CredentialBindingSpec;
import dev.credrift.api.spec.MinioSource;
import dev.credrift.api.spec.Mode;
import dev.credrift.api.spec.RookObjectUserSource;
import dev.credrift.api.spec.SecretSource;
import dev.credrift.api.spec.SourceKind;
import dev.credrift.api.spec.WebIdentitySource;
import java.time.Clock;
import java.util.Optional;

/**
 * The one seam between the binding handler and managed rotation. After assessing a binding, the handler calls
 * {@link #decide} with the open rotation's journal (from {@code credrift.state}) and the facts it read; it carries the
 * decision out as a flat chain of effects, the way it carries out {@code handle/Decision}. A binding without
 * {@code spec.rotation} gets an empty answer and nothing else changes.
 */
public final class Rotations {

    /** The annotation that asks for a rotation now: any non-empty token, acted on once (contract of issue 17). */
    public static final String ROTATE_NOW = "credrift.dev/rotate-now";

    private final RotationPlanner planner;

    public Rotations(Clock clock) {
        this.planner = new RotationPlanner(clock);
    }

    /** The rotation decision for this binding, or empty when it declares no {@code spec.rotation}. */
    public Optional<RotationDecision> decide(
            CredentialBinding binding, Optional<RotationJournal> open, RotationFacts facts) {
        CredentialBindingSpec spec = binding == null ? null : binding.getSpec();
        if (spec == null || spec.rotation() == null) {
            return Optional.empty();
        }
        return Optional.of(planner.decide(spec.rotation(), spec.mode() == Mode.OBSERVE, open, facts));
    }

    /**
     * The {@code rotate-now} token to act on, if the annotation asks for a rotation not acted on yet: credrift never
     * edits the user's annotations (GitOps stays clean), it remembers the token it acted on instead.
     *
     * @param annotation  the annotation's value, if set
     * @param lastRequest the token acted on last, if any
     */
    public static Optional<String> pendingRequest(Optional<String> annotation, Optional<String> lastRequest) {
        return annotation
                .map(String::strip)
                .filter(token -> !token.isEmpty())
                .filter(token -> !lastRequest.map(token::equals).orElse(false));
    }

    /**
     * What credrift can do about the binding's keys.
     *
     * @param rookUserHasSpecKeys whether the Rook {@code CephObjectStoreUser} lists {@code spec.keys} (read from the
     *                            cluster; irrelevant for other sources)
     */
    public static Capability capability(CredentialBindingSpec spec, boolean rookUserHasSpecKeys) {
        SourceKind kind = spec == null || spec.source() == null
                ? null
                : spec.source().selected().orElse(null);
        if (kind instanceof WebIdentitySource) {
            return Capability.ROLE_BASED;
        }
        if (kind instanceof MinioSource) {
            return Capability.MINIO_SERVICE_ACCOUNT;
        }
        if (kind instanceof SecretSource) {
            // a plain RGW user (no Rook): the source Secret is the store's copy of its key
            return spec.rotation() != null && spec.rotation().plainRgwUser()
                    ? Capability.RGW_ADMIN_OPS
                    : Capability.NO_MINT;
        }
        if (kind instanceof RookObjectUserSource) {
            if (!rookUserHasSpecKeys) {
                return Capability.ROOK_WITHOUT_SPEC_KEYS;
            }
            return spec.rotation() != null && spec.rotation().adminSecretRef() != null
                    ? Capability.RGW_ADMIN_OPS
                    : Capability.ROOK_SPEC_KEYS;
        }
        return Capability.NO_MINT;
    }
}
