package dev.credrift.app.roles;

import io.vertx.core.Future;

/** A running role: stopping it releases its Kafka clients, informers and timers. */
public interface StartedRole {

    Role role();

    /** Idempotent; completes when the role has stopped (or gave up stopping). */
    Future<Void> stop();
}
