package dev.credrift.sandbox.world.file;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the field a typo most likely meant ({@code usr} → {@code user}, {@code Replicas} → {@code replicas}), so an
 * error can name both the typo and the field; names only, never values.
 */
final class NearestName {

    private NearestName() {}

    /** The candidate closest to {@code typed}, if it is close enough to be what was meant. */
    static Optional<String> to(String typed, Collection<String> candidates) {
        return candidates.stream()
                .filter(candidate -> !candidate.equals(typed))
                .filter(candidate -> distance(typed.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT))
                        <= Math.max(1, Math.min(typed.length(), candidate.length()) / 3))
                .min(Comparator.comparingInt(candidate -> distance(typed, candidate)));
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
