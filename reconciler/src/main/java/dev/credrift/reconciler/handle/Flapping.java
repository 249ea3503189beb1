package dev.credrift.reconciler.handle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * When a source is flapping (architecture.md §5.1 rule 6): more than {@code maxSupersessions} remediations superseded by a
 * change of the authority within {@code window}. Then the binding halts ({@code SOURCE_FLAPPING}) like any halt.
 */
public record Flapping(int maxSupersessions, Duration window) {

    public Flapping {
        Objects.requireNonNull(window, "window");
        if (maxSupersessions < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("flapping: maxSupersessions >= 1 and a positive window");
        }
    }

    /** More than 5 supersessions in 10 minutes. */
    public static Flapping defaults() {
        return new Flapping(5, Duration.ofMinutes(10));
    }

    /** The supersessions still inside the window at {@code now}, with one more at {@code now}. */
    List<Instant> record(List<Instant> earlier, Instant now) {
        List<Instant> recent = new ArrayList<>();
        for (Instant at : earlier) {
            if (at.isAfter(now.minus(window))) {
                recent.add(at);
            }
        }
        recent.add(now);
        return recent;
    }

    boolean flapping(List<Instant> recent) {
        return recent.size() > maxSupersessions;
    }
}
