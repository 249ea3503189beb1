package dev.credrift.app.roles;

import io.vertx.core.Future;
import java.util.Optional;

/** A running role: stopping it releases its Kafka clients, informers and timers. */
public interface StartedRole {

    Role role();

    /** Why the role cannot do its job yet (e.g. its consumer has no assignment); empty once it can. */
    default Optional<String> notReady() {
        return Optional.empty();
    }

    /** Idempotent; completes when the role has stopped (or gave up stopping). */
    Future<Void> stop();
}
