package dev.credrift.notifier.routing;

import dev.credrift.events.payload.AttentionRequired;
import dev.credrift.notifier.report.Report;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One message per sink, binding, drift class, report kind and alert reason within a window: the same alert raised
 * at every resync reaches Slack once per window. A zero window lets everything through. Not thread-safe.
 */
public final class Deduplicator {

    private static final int PRUNE_ABOVE = 10_000;

    private final Duration window;
    private final Clock clock;
    private final Map<Key, Instant> lastSent = new HashMap<>();

    /** @param window how long a sent message suppresses its like */
    public Deduplicator(Duration window, Clock clock) {
        this.window = Objects.requireNonNull(window, "window");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Whether this report may go to this sink now; if so, it suppresses its like for the window. */
    public boolean admit(String sink, Report report) {
        if (window.isZero()) {
            return true;
        }
        Instant now = clock.instant();
        if (lastSent.size() > PRUNE_ABOVE) {
            lastSent.values().removeIf(sent -> !sent.plus(window).isAfter(now));
        }
        Key key = Key.of(sink, report);
        Instant sent = lastSent.get(key);
        if (sent != null && sent.plus(window).isAfter(now)) {
            return false;
        }
        lastSent.put(key, now);
        return true;
    }

    /** Forgets that this report went out (it was dead-lettered), so the next like it is not suppressed. */
    public void forget(String sink, Report report) {
        lastSent.remove(Key.of(sink, report));
    }

    private record Key(String sink, String binding, String driftClass, String kind, String reason) {
        static Key of(String sink, Report report) {
            String reason = report.event().payload() instanceof AttentionRequired attention
                    ? attention.reason().name()
                    : "";
            return new Key(
                    sink,
                    report.binding().toString(),
                    report.driftClass() == null ? "" : report.driftClass().name(),
                    report.kind().name(),
                    reason);
        }
    }
}
