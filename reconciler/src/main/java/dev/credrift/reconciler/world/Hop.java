package dev.credrift.reconciler.world;

import dev.credrift.events.payload.ProblemCode;
import java.util.Objects;
import java.util.Optional;

/**
 * What reading one hop gave: its value, or a typed problem that says why there is none. The detail names objects
 * and fields, never a value.
 */
public sealed interface Hop<T> permits Hop.Read, Hop.Unreadable {

    /** The value, if the hop could be read. */
    Optional<T> value();

    /** A hop that was read. */
    record Read<T>(T read) implements Hop<T> {
        public Read {
            Objects.requireNonNull(read, "read");
        }

        @Override
        public Optional<T> value() {
            return Optional.of(read);
        }
    }

    /** A hop that could not be read, and why. */
    record Unreadable<T>(ProblemCode code, String detail) implements Hop<T> {
        public Unreadable {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public Optional<T> value() {
            return Optional.empty();
        }
    }

    static <T> Hop<T> read(T value) {
        return new Read<>(value);
    }

    static <T> Hop<T> unreadable(ProblemCode code, String detail) {
        return new Unreadable<>(code, detail);
    }
}
