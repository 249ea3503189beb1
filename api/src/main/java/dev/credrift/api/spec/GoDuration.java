package dev.credrift.api.spec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Go's {@code time.ParseDuration} grammar ({@code 5m}, {@code 1h30m}, {@code 1.5s}, {@code 300ms}), because
 * Kubernetes users write durations the way ESO's {@code refreshInterval} and every Go controller read them.
 *
 * <p>Accepts what Go accepts (optional sign, fractions such as {@code .5h}, bare {@code 0}, {@code us}, {@code µs}
 * and {@code μs}) and, like Go, refuses anything beyond ±2<sup>63</sup>-1 nanoseconds. Never throws.
 */
public final class GoDuration {

    private static final Map<String, Long> NANOS_PER_UNIT = Map.of(
            "ns", 1L,
            "us", 1_000L,
            "\u00b5s", 1_000L, // micro sign
            "\u03bcs", 1_000L, // Greek mu
            "ms", 1_000_000L,
            "s", 1_000_000_000L,
            "m", 60_000_000_000L,
            "h", 3_600_000_000_000L);

    private static final BigInteger MAX_NANOS = BigInteger.valueOf(Long.MAX_VALUE);

    private GoDuration() {}

    /** The duration {@code text} denotes, or empty when it is not a Go duration (or is {@code null}). */
    public static Optional<Duration> parse(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        int i = 0;
        boolean negative = false;
        char first = text.charAt(0);
        if (first == '-' || first == '+') {
            negative = first == '-';
            i++;
        }
        if (text.substring(i).equals("0")) {
            return Optional.of(Duration.ZERO);
        }
        if (i == text.length()) {
            return Optional.empty();
        }
        BigDecimal totalNanos = BigDecimal.ZERO;
        while (i < text.length()) {
            int numberStart = i;
            while (i < text.length() && (isAsciiDigit(text.charAt(i)) || text.charAt(i) == '.')) {
                i++;
            }
            String number = text.substring(numberStart, i);
            if (!isGoNumber(number)) {
                return Optional.empty();
            }
            int unitStart = i;
            while (i < text.length() && text.charAt(i) != '.' && !isAsciiDigit(text.charAt(i))) {
                i++;
            }
            Long unit = NANOS_PER_UNIT.get(text.substring(unitStart, i));
            if (unit == null) {
                return Optional.empty();
            }
            String digits = number.startsWith(".") ? "0" + number : number.endsWith(".") ? number + "0" : number;
            totalNanos = totalNanos.add(new BigDecimal(digits).multiply(BigDecimal.valueOf(unit)));
            if (totalNanos.toBigInteger().compareTo(MAX_NANOS) > 0) {
                return Optional.empty();
            }
        }
        // Go truncates fractional nanoseconds
        long nanos = totalNanos.toBigInteger().longValueExact();
        return Optional.of(Duration.ofNanos(negative ? -nanos : nanos));
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isGoNumber(String number) {
        int dots = 0;
        int digits = 0;
        for (int k = 0; k < number.length(); k++) {
            if (number.charAt(k) == '.') {
                dots++;
            } else {
                digits++;
            }
        }
        return digits > 0 && dots <= 1;
    }
}
