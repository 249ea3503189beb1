package dev.credrift.notifier;

import dev.credrift.notifier.routing.BindingLabels;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Function;

/**
 * What the notifier takes from its surroundings.
 *
 * @param clock  for signatures, dedup windows, rate limits and published events
 * @param labels binding labels for events that carry none (the reconciler's outcome events carry them)
 * @param env    environment variables, for secrets given as {@code SecretSource.env(...)}
 * @param meters where the notifier's metrics go (an empty composite registry records nothing)
 */
public record NotifierEnvironment(
        Clock clock, BindingLabels labels, Function<String, String> env, MeterRegistry meters) {

    /** Requires every field. */
    public NotifierEnvironment {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(meters, "meters");
    }

    /** Without metrics. */
    public NotifierEnvironment(Clock clock, BindingLabels labels, Function<String, String> env) {
        this(clock, labels, env, new CompositeMeterRegistry());
    }

    /** The UTC system clock, no binding labels, the process environment, no metrics. */
    public static NotifierEnvironment system() {
        return new NotifierEnvironment(Clock.systemUTC(), BindingLabels.NONE, System::getenv);
    }

    /** A copy with binding labels. */
    public NotifierEnvironment withLabels(BindingLabels value) {
        return new NotifierEnvironment(clock, value, env, meters);
    }

    /** A copy whose metrics go to {@code registry}. */
    public NotifierEnvironment withMeters(MeterRegistry registry) {
        return new NotifierEnvironment(clock, labels, env, registry);
    }
}
