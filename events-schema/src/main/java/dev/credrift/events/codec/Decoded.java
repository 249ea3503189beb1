package dev.credrift.events.codec;

import dev.credrift.events.CredriftEvent;
import java.util.Objects;

/** A record that decoded into a valid event. */
public record Decoded(CredriftEvent event) implements DecodeResult {

    /** Requires the event. */
    public Decoded {
        Objects.requireNonNull(event, "event");
    }
}
