package dev.credrift.app.check;

import dev.credrift.events.credential.Fingerprint;
import dev.credrift.reconciler.assess.ConsumerVerdict;
import dev.credrift.reconciler.assess.HopState;
import dev.credrift.reconciler.check.CheckReport;
import java.io.PrintWriter;
import java.util.List;

/** Prints one binding's check as a short block an SRE can read at a glance. */
final class CheckPrinter {

    private CheckPrinter() {}

    static void print(CheckReport report, PrintWriter out) {
        out.println();
        if (report instanceof CheckReport.NotAssessed not) {
            out.println(report.bindingId() + "  NOT CHECKED");
            out.println("  " + not.detail());
            return;
        }
        CheckReport.Assessed a = (CheckReport.Assessed) report;
        out.println(a.bindingId() + "  " + a.verdict() + (a.classified() ? "" : " (undetermined)"));
        out.println("  " + a.detail());
        out.println("  authority  " + a.authority());
        out.println("  source     " + fingerprint(a.fingerprints().source()));
        out.println("  vault      " + hop(a.vault(), a.fingerprints().vault()));
        out.println("  replica    " + hop(a.replica(), a.fingerprints().replica()));
        if (a.consumers().isEmpty()) {
            out.println("  consumers  · none found");
        }
        for (ConsumerVerdict consumer : a.consumers()) {
            String mark = consumer.stale() ? "✗" : consumer.ready() ? "✓" : "…";
            out.println("  consumers  " + mark + " " + consumer.detail());
        }
        if (!a.plan().isEmpty()) {
            out.println("  would do   " + String.join(" → ", a.plan()) + "   (not done: check changes nothing)");
        }
        notes(a.notes(), out);
        a.firstSightCaveat().ifPresent(caveat -> out.println("  note       " + caveat));
    }

    private static void notes(List<String> notes, PrintWriter out) {
        for (String note : notes) {
            out.println("  note       " + note);
        }
    }

    private static String hop(HopState state, Fingerprint fingerprint) {
        String mark = switch (state.match().name()) {
            case "MATCHES" -> "✓";
            case "DIFFERS" -> "✗";
            case "UNREADABLE" -> "?";
            default -> "·";
        };
        return mark + " " + fingerprint(fingerprint) + "  " + state.detail();
    }

    private static String fingerprint(Fingerprint fingerprint) {
        return fingerprint == null ? "-" : fingerprint.toString();
    }
}
