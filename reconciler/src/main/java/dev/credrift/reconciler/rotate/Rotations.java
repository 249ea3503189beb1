package dev.credrift.reconciler.rotate;

import dev.credrift.api.CredentialBinding;
import dev.credrift.api.spec.CredentialBindingSpec;
import dev.credrift.api.spec.MinioSource;
import dev.credrift.api.spec.Mode;
import dev.credrift.api.spec.RookObjectUserSource;
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
