package dev.credrift.notifier;

import dev.credrift.notifier.routing.BindingLabels;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Function;

/**
 * What the notifier takes from its surroundings.
 *
 * @param clock  for signatures, dedup windows, rate limits and published events
 * @param labels binding labels for events that carry none (the reconciler's outcome events carry them)
 * @param env    environment variables, for secrets given as {@code SecretSource.env(...)}
 */
public record NotifierEnvironment(Clock clock, BindingLabels labels, Function<String, String> env) {

    /** Requires every field. */
    public NotifierEnvironment {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(env, "env");
    }

    /** The UTC system clock, no binding labels, the process environment. */
    public static NotifierEnvironment system() {
        return new NotifierEnvironment(Clock.systemUTC(), BindingLabels.NONE, System::getenv);
    }

    /** A copy with binding labels. */
    public NotifierEnvironment withLabels(BindingLabels value) {
        return new NotifierEnvironment(clock, value, env);
    }
}
