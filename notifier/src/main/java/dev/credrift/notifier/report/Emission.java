package dev.credrift.notifier.report;

import java.util.List;

/**
 * What the {@link Reporter} made of one event: reports now due, each with the holds to release once
 * it is delivered, and holds that can be released at once.
 *
 * @param <H> the caller's hold type (an offset ticket)
 */
public record Emission<H>(List<Due<H>> reports, List<H> released) {

    /** A report now due and the holds of the records it was built from. */
    public record Due<H>(Report report, List<H> holds) {
        /** Copies the holds. */
        public Due {
            holds = List.copyOf(holds);
        }
    }

    /** Copies both lists. */
    public Emission {
        reports = List.copyOf(reports);
        released = List.copyOf(released);
    }

    static <H> Emission<H> release(List<H> holds) {
        return new Emission<>(List.of(), holds);
    }

    static <H> Emission<H> keep() {
        return new Emission<>(List.of(), List.of());
    }

    static <H> Emission<H> report(Report report, List<H> holds, List<H> released) {
        return new Emission<>(List.of(new Due<>(report, holds)), released);
    }
}
