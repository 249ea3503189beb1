package dev.credrift.api;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An enum whose constants have a fixed spelling on the wire ({@code Remediate}, {@code StatefulSet}, {@code aws}).
 *
 * <p>Every such enum has one constant whose {@link #wireName()} is {@code null}: the value read from the API was
 * not one we know. Reading never fails on a strange value, because a resource that cannot be read cannot be given a
 * {@code Valid=False} condition either; the validator reports the sentinel instead.
 */
public interface WireEnum {

    /** The spelling on the wire, or {@code null} for the "not recognised" sentinel. */
    String wireName();

    /**
     * The constant spelled {@code text}, {@code null} for {@code null} (so that record defaults apply), otherwise
     * {@code unrecognized}. Case-sensitive, like the Kubernetes API server's enum check.
     */
    static <E extends Enum<E> & WireEnum> E fromWire(Class<E> type, String text, E unrecognized) {
        if (text == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (text.equals(constant.wireName())) {
                return constant;
            }
        }
        return unrecognized;
    }

    /** The known spellings, comma separated, for messages such as {@code must be one of Remediate, Observe}. */
    static <E extends Enum<E> & WireEnum> String allowed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants())
                .map(WireEnum::wireName)
                .filter(Objects::nonNull)
                .collect(Collectors.joining(", "));
    }
}
