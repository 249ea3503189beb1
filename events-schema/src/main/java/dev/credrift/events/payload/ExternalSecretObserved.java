package dev.credrift.events.payload;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.credrift.events.BindingId;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The watcher read an ExternalSecret's spec and status: what its Ready condition says and whether a
 * force-sync can work at all (ESO ignores it when {@code refreshInterval} is 0 or the policy is
 * {@code CreatedOnce}).
 *
 * @param ready                 status of the {@code Ready} condition; {@code Unknown} when there is none yet
 * @param readyReason           its reason, e.g. {@code SecretSynced} or {@code SecretSyncedError}
 * @param refreshInterval       {@code spec.refreshInterval} as written, a Go duration such as {@code 1h} or {@code 0}
 * @param refreshPolicy         {@code spec.refreshPolicy}, when set
 * @param refreshTime           {@code status.refreshTime}: when ESO last synced
 * @param syncedResourceVersion {@code status.syncedResourceVersion}
 * @param targetSecret          the Secret it writes ({@code spec.target.name}, defaulting to its own name)
 */
public record ExternalSecretObserved(
        BindingId bindingId,
        ObjectRef externalSecret,
        ConditionStatus ready,
        String readyReason,
        String refreshInterval,
        RefreshPolicy refreshPolicy,
        Instant refreshTime,
        String syncedResourceVersion,
        String targetSecret,
        List<Problem> problems)
        implements EventPayload {

    private static final Pattern GO_DURATION = Pattern.compile("0|([0-9]+(\\.[0-9]+)?(ns|us|\u00b5s|ms|s|m|h))+");

    /** Validates like {@code dev.credrift.observation.external-secret.v1.json}. */
    public ExternalSecretObserved {
        Check.required(bindingId, "bindingId");
        Check.required(externalSecret, "externalSecret");
        Check.required(ready, "ready");
        Check.optionalToken(readyReason, "readyReason");
        Check.optionalMatching(
                refreshInterval, GO_DURATION, "refreshInterval", "must be a Go duration such as 1h or 0");
        Check.optionalToken(syncedResourceVersion, "syncedResourceVersion");
        if (targetSecret != null) {
            Check.name(targetSecret, "targetSecret");
        }
        problems = Check.list(problems, "problems");
    }

    @Override
    public EventType type() {
        return EventType.EXTERNAL_SECRET_OBSERVED;
    }

    /** A Kubernetes condition status, spelt as Kubernetes spells it. */
    public enum ConditionStatus {
        @JsonProperty("True")
        TRUE,
        @JsonProperty("False")
        FALSE,
        @JsonProperty("Unknown")
        UNKNOWN
    }

    /** ESO's {@code spec.refreshPolicy}, spelt as ESO spells it. */
    public enum RefreshPolicy {
        /** Sync every {@code refreshInterval}; honours force-sync unless the interval is 0. */
        @JsonProperty("Periodic")
        PERIODIC,
        /** Sync once; ignores force-sync. */
        @JsonProperty("CreatedOnce")
        CREATED_ONCE,
        /** Sync when the ExternalSecret changes. */
        @JsonProperty("OnChange")
        ON_CHANGE
    }
}
