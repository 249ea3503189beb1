package dev.credrift.notifier.slack;

import java.time.Duration;
import java.util.Locale;

/** Durations for people: {@code 0.4 s}, {@code 42 s}, {@code 1 min 05 s}, {@code 2 h 03 min}. */
final class DurationText {

    private DurationText() {}

    static String of(Duration duration) {
        if (duration == null) {
            return "unknown";
        }
        long millis = duration.toMillis();
        if (millis < 10_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, (seconds % 3600) / 60);
    }
}
