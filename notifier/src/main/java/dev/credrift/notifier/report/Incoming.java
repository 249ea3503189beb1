package dev.credrift.notifier.report;

import dev.credrift.events.CredriftEvent;
import java.util.Objects;

/**
 * An event as the notifier read it.
 *
 * @param origin where it was read; {@code null} for a sample made up by {@code notify test}
 */
public record Incoming(CredriftEvent event, Origin origin) {

    /** Requires the event. */
    public Incoming {
        Objects.requireNonNull(event, "event");
    }
}
