package dev.credrift.reconciler.assess;

import java.util.Objects;

/** A hop's {@link HopMatch} and, for a human, why. */
public record HopState(HopMatch match, String detail) {

    public HopState {
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(detail, "detail");
    }

    public static HopState matches(String detail) {
        return new HopState(HopMatch.MATCHES, detail);
    }

    public static HopState differs(String detail) {
        return new HopState(HopMatch.DIFFERS, detail);
    }

    public static HopState unreadable(String detail) {
        return new HopState(HopMatch.UNREADABLE, detail);
    }
}
