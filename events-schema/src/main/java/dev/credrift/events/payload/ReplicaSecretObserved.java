package dev.credrift.events.payload;

import dev.credrift.events.BindingId;
import java.util.List;

/**
 * The watcher read the replica Secret written by the ExternalSecret (e.g. {@code
 * monitoring/loki-s3-credentials}); the credential is absent when a problem kept it from being read.
 *
 * @param resourceVersion the Secret's resourceVersion, when it exists
 */
public record ReplicaSecretObserved(
        BindingId bindingId,
        ObjectRef secret,
        String resourceVersion,
        ObservedCredential credential,
        List<Problem> problems)
        implements EventPayload {

    /** Validates like {@code dev.credrift.observation.replica-secret.v1.json}. */
    public ReplicaSecretObserved {
        Check.required(bindingId, "bindingId");
        Check.required(secret, "secret");
        Check.optionalToken(resourceVersion, "resourceVersion");
        problems = Check.list(problems, "problems");
    }

    @Override
    public EventType type() {
        return EventType.REPLICA_SECRET_OBSERVED;
    }
}
