package dev.credrift.app.kafka;

import java.time.Duration;

/** Renders durations the way an operator typed them ("10s", "500ms") instead of ISO-8601 ("PT10S"). */
final class Durations {

    private Durations() {}

    static String human(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 1000 != 0) {
            return millis + "ms";
        }
        long seconds = millis / 1000;
        if (seconds % 3600 == 0 && seconds > 0) {
            return seconds / 3600 + "h";
        }
        if (seconds % 60 == 0 && seconds > 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }
}
