package dev.credrift.events.payload;

import dev.credrift.events.BindingId;
import java.util.List;

/**
 * The watcher read the source Secret (e.g. Rook's {@code rook-ceph-object-user-…}); the credential
 * is absent when a problem kept it from being read.
 *
 * @param resourceVersion the Secret's resourceVersion, when it exists
 * @param endpoint        the store endpoint the source names (Rook's {@code Endpoint} key), if any
 */
public record SourceSecretObserved(
        BindingId bindingId,
        ObjectRef secret,
        String resourceVersion,
        ObservedCredential credential,
        String endpoint,
        List<Problem> problems)
        implements EventPayload {

    /** Validates like {@code dev.credrift.observation.source-secret.v1.json}. */
    public SourceSecretObserved {
        Check.required(bindingId, "bindingId");
        Check.required(secret, "secret");
        Check.optionalToken(resourceVersion, "resourceVersion");
        Check.optionalText(endpoint, "endpoint", Check.TEXT_MAX);
        problems = Check.list(problems, "problems");
    }

    @Override
    public EventType type() {
        return EventType.SOURCE_SECRET_OBSERVED;
    }
}
