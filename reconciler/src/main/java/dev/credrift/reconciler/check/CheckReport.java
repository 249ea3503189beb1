package dev.credrift.reconciler.check;

import dev.credrift.events.BindingId;
import dev.credrift.events.payload.HopFingerprints;
import dev.credrift.reconciler.assess.ConsumerVerdict;
import dev.credrift.reconciler.assess.HopState;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What a check found for one binding. Fingerprints and masked key ids only, like everything credrift reports. */
public sealed interface CheckReport {

    BindingId bindingId();

    /** The binding could not be assessed at all (missing, unreadable spec). */
    record NotAssessed(BindingId bindingId, String detail) implements CheckReport {
        public NotAssessed {
            Objects.requireNonNull(bindingId, "bindingId");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /**
     * The binding was assessed.
     *
     * @param verdict     the drift class (e.g. {@code VAULT_STALE}) or why none could be given (e.g. {@code
     *                    STORE_UNREACHABLE})
     * @param classified  whether {@code verdict} is a drift class rather than an undetermined cause
     * @param authority   what is known of the authority's credential and the store's verdict on it
     * @param plan        what the reconciler would do, in order (empty when in sync or undetermined)
     * @param notes       what a human should know that the plan does not do
     */
    record Assessed(
            BindingId bindingId,
            String verdict,
            boolean classified,
            String detail,
            String authority,
            HopFingerprints fingerprints,
            HopState vault,
            HopState replica,
            List<ConsumerVerdict> consumers,
            List<String> plan,
            List<String> notes,
            Optional<String> firstSightCaveat)
            implements CheckReport {
        public Assessed {
            Objects.requireNonNull(bindingId, "bindingId");
            Objects.requireNonNull(verdict, "verdict");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(authority, "authority");
            Objects.requireNonNull(fingerprints, "fingerprints");
            Objects.requireNonNull(vault, "vault");
            Objects.requireNonNull(replica, "replica");
            consumers = List.copyOf(consumers);
            plan = List.copyOf(plan);
            notes = List.copyOf(notes);
            Objects.requireNonNull(firstSightCaveat, "firstSightCaveat");
        }

        /** Whether every hop holds the authority's credential, the store accepts it and the consumers are fresh. */
        public boolean inSync() {
            return classified && "IN_SYNC".equals(verdict);
        }
    }
}
