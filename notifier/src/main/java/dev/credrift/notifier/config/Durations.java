package dev.credrift.notifier.config;

import java.time.Duration;

// Shared checks for the duration fields of the config records.
final class Durations {

    private Durations() {}

    static Duration positive(Duration value, String object, String field) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new InvalidNotifierConfig(object, field, "must be a positive duration");
        }
        return value;
    }

    static Duration notNegative(Duration value, String object, String field) {
        if (value == null || value.isNegative()) {
            throw new InvalidNotifierConfig(object, field, "must be zero or a positive duration");
        }
        return value;
    }
}
