package dev.credrift.app.sandbox;

import dev.credrift.sandbox.world.ActionRecord;
import dev.credrift.sandbox.world.ExpectationResult;
import dev.credrift.sandbox.world.WorldRunner;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The readable timeline on stdout: one line per thing that happened, stamped with seconds since the world's timeline
 * began, who did it ({@code world}, {@code credrift}, {@code check}) and what. While the checks wait, a progress line
 * appears only after {@value #QUIET_SECONDS} quiet seconds, so a terminal shows life without scrolling noise.
 * Thread-safe: the timeline, the outcome tap and the checks all print through it.
 */
final class TimelinePrinter implements WorldRunner.Listener {

    static final int QUIET_SECONDS = 5;
    static final int MAX_DETAIL = 240;

    private final PrintWriter out;
    private final Clock clock;
    private final List<Held> held = new ArrayList<>();
    private Instant start;
    private Instant lastLine;
    private String lastWaiting;

    private record Held(Instant at, String who, String text) {}

    TimelinePrinter(PrintWriter out, Clock clock) {
        this.out = out;
        this.clock = clock;
        this.lastLine = clock.instant();
    }

    /**
     * Offsets count from {@code at}; lines that came before (credrift's first assessments while the world waited
     * for them) are printed now, with negative offsets.
     */
    synchronized void startTimeline(Instant at) {
        start = at;
        held.forEach(line -> line(line.at(), line.who(), line.text()));
        held.clear();
    }

    /** A line without a time stamp (headers, tables). */
    synchronized void plain(String text) {
        out.println(text);
        out.flush();
        lastLine = clock.instant();
    }

    synchronized void line(Instant at, String who, String text) {
        if (start == null) {
            held.add(new Held(at, who, text));
            return;
        }
        out.println(String.format(Locale.ROOT, "  %s  %-8s %s", offset(at), who, text));
        out.flush();
        lastLine = clock.instant();
    }

    /** {@code +12.3s} (or {@code -0.4s} for what happened while the world settled). */
    synchronized String offset(Instant at) {
        Instant from = start == null ? at : start;
        return String.format(Locale.ROOT, "%+7.1fs", Duration.between(from, at).toMillis() / 1000.0);
    }

    @Override
    public void afterAction(ActionRecord record) {
        line(
                record.at(),
                "world",
                (record.applied() ? "" : "✗ FAILED: ")
                        + record.step().action().describe()
                        + (record.outcome() == null || record.outcome().isBlank() ? "" : " — " + record.outcome())
                        + record.step()
                                .note()
                                .map(note -> System.lineSeparator() + "                     (" + note + ")")
                                .orElse(""));
    }

    @Override
    public void waiting(Duration elapsed, List<ExpectationResult> open) {
        Instant now = clock.instant();
        if (open.isEmpty()) {
            return;
        }
        ExpectationResult first = open.get(0);
        String what = first.spec().expectation().describe();
        long left = Math.max(0, first.spec().within().minus(elapsed).toSeconds());
        synchronized (this) {
            if (Duration.between(lastLine, now).toSeconds() < QUIET_SECONDS) {
                return;
            }
            // the full picture once; after that only that time passes, until the picture changes
            String seen = what + "|" + first.detail();
            if (seen.equals(lastWaiting)) {
                line(now, "…", "still waiting for " + open.size() + " check(s), " + left + " s left");
                return;
            }
            lastWaiting = seen;
        }
        line(
                now,
                "…",
                "waiting for " + open.size() + " check(s), " + left + " s left; e.g. " + what + System.lineSeparator()
                        + "                     now: " + shortened(first.detail()));
    }

    /** Long details (a step listing every pod) are cut so that one event stays about one line. */
    static String shortened(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL - 1) + "…";
    }

    @Override
    public void decided(ExpectationResult result) {
        line(
                clock.instant(),
                "check",
                (result.met() ? "✓ " : "✗ ")
                        + result.spec().expectation().describe()
                        + (result.met()
                                ? ""
                                : " — NOT REACHED within "
                                        + result.spec().within().toSeconds() + " s" + System.lineSeparator()
                                        + "                     last seen: " + shortened(result.detail())));
    }
}
