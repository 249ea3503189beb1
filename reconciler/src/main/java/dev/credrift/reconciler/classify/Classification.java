package dev.credrift.reconciler.classify;

import dev.credrift.events.payload.DriftClass;
import java.util.Locale;
import java.util.Objects;

/** What an assessment says: a drift class, or why none can be given. */
public sealed interface Classification permits Classification.Classified, Classification.Undetermined {

    /** CamelCase, for condition reasons and Kubernetes Events. */
    String reason();

    /** For a human: what was found; fingerprints and masked key ids only. */
    String detail();

    /** A drift class (including {@code IN_SYNC}). */
    record Classified(DriftClass driftClass, String detail) implements Classification {
        public Classified {
            Objects.requireNonNull(driftClass, "driftClass");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public String reason() {
            return camel(driftClass.name());
        }

        public boolean inSync() {
            return driftClass == DriftClass.IN_SYNC;
        }
    }

    /** No class can be given until something changes; nothing is done but to say so. */
    record Undetermined(Cause cause, String detail) implements Classification {
        public Undetermined {
            Objects.requireNonNull(cause, "cause");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public String reason() {
            return camel(cause.name());
        }
    }

    /** Why no class can be given. */
    enum Cause {
        /** The authority's credential cannot be read (source Secret or vault item missing, malformed, forbidden). */
        AUTHORITY_UNREADABLE,
        /** The store cannot be probed as configured (no endpoint, CA ConfigMap missing or not PEM). */
        STORE_SETTINGS_INVALID,
        /** The store did not answer; the credential was not judged. */
        STORE_UNREACHABLE,
        /** The vault item cannot be read, so it cannot be compared or written. */
        VAULT_UNREADABLE,
        /** The ExternalSecret cannot be read. */
        REPLICA_UNREADABLE,
        /** Consumer pods are starting; look again once they are up. */
        CONSUMERS_STARTING,
        /** STS gave no answer about a role-based binding's token (unreachable, or throttling after backoff). */
        STS_UNAVAILABLE
    }

    /** {@code VAULT_STALE} → {@code VaultStale}. */
    static String camel(String upperSnake) {
        StringBuilder out = new StringBuilder();
        for (String part : upperSnake.toLowerCase(Locale.ROOT).split("_")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }
}
