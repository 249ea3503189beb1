package dev.credrift.app.sandbox.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Nearest-rank percentiles of a sample in milliseconds: p50 and p99 are values that occurred, never interpolated.
 *
 * @param count how many samples
 * @param p50   the median (nearest rank), or -1 without samples
 * @param p99   the 99th percentile (nearest rank), or -1 without samples
 * @param max   the largest, or -1 without samples
 */
record Percentiles(int count, long p50, long p99, long max) {

    static final Percentiles NONE = new Percentiles(0, -1, -1, -1);

    static Percentiles of(List<Long> millis) {
        if (millis.isEmpty()) {
            return NONE;
        }
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return new Percentiles(sorted.size(), rank(sorted, 50), rank(sorted, 99), sorted.get(sorted.size() - 1));
    }

    private static long rank(List<Long> sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }
}
