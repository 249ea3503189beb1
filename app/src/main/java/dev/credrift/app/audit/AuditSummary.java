package dev.credrift.app.audit;

import dev.credrift.events.BindingId;
import dev.credrift.events.audit.AuditFinding;
import dev.credrift.events.audit.AuditReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The human-readable result of {@code credrift audit verify}: a header, one row per binding (records, last
 * sequence verified, result) and one line per record that is not an audit record. Positions are given as Kafka
 * partition and offset (or file line), so an auditor can look at the record with any Kafka tool or editor.
 */
public final class AuditSummary {

    private AuditSummary() {}

    /** Whether the topic verified: every chain intact and every record an audit record. */
    public static boolean intact(AuditStream stream, AuditReport report) {
        return report.intact() && stream.undecodable().isEmpty();
    }

    public static List<String> lines(AuditStream stream, AuditReport report, boolean fromAnyRecord) {
        Map<BindingId, Integer> counts = new LinkedHashMap<>();
        stream.records().forEach(record -> counts.merge(record.bindingId(), 1, Integer::sum));
        report.verifiedThrough().keySet().stream()
                .sorted(Comparator.comparing(BindingId::toString))
                .forEach(binding -> counts.putIfAbsent(binding, 0)); // anchored in status, absent from the stream
        List<String> lines = new ArrayList<>();
        lines.add(stream.source() + ": " + stream.records().size() + " audit record(s)"
                + (stream.partitions() > 0 ? " in " + stream.partitions() + " partition(s)" : "") + ", "
                + counts.size() + " binding(s)"
                + (fromAnyRecord
                        ? "; chains may start after genesis (--from-any-record)"
                        : "; every chain must start at genesis"));
        if (counts.isEmpty() && stream.undecodable().isEmpty()) {
            lines.add("nothing to verify");
            return lines;
        }
        int width = Math.max(
                "binding".length(),
                counts.keySet().stream()
                        .mapToInt(b -> b.toString().length())
                        .max()
                        .orElse(0));
        if (!counts.isEmpty()) {
            lines.add(String.format("%-" + width + "s  %7s  %8s  %s", "binding", "records", "verified", "result"));
        }
        for (Map.Entry<BindingId, Integer> binding : counts.entrySet()) {
            long verified = report.verifiedThrough().getOrDefault(binding.getKey(), 0L);
            String result = report.findingFor(binding.getKey())
                    .map(finding -> describe(finding, stream))
                    .orElse("ok" + unkeyed(report.unkeyed().get(binding.getKey())));
            lines.add(String.format(
                    "%-" + width + "s  %7d  %8d  %s", binding.getKey(), binding.getValue(), verified, result));
        }
        for (AuditStream.Undecodable bad : stream.undecodable()) {
            lines.add("NOT AN AUDIT RECORD at " + bad.position()
                    + (bad.key() == null ? "" : " (key " + printable(bad.key()) + ")") + ": " + bad.reason());
        }
        int broken = report.findings().size() + stream.undecodable().size();
        lines.add(broken == 0 ? "result: intact" : "result: " + broken + " finding(s)");
        return lines;
    }

    private static String unkeyed(AuditReport.Unkeyed unkeyed) {
        if (unkeyed == null) {
            return "";
        }
        return " (UNKEYED: "
                + (unkeyed.count() == 1
                        ? "sequence " + unkeyed.first()
                        : "sequences " + unkeyed.first() + "-" + unkeyed.last())
                + " carry no audit-key HMAC, written before an"
                + " audit key was configured)";
    }

    static String describe(AuditFinding finding, AuditStream stream) {
        boolean placed = finding.position() >= 0
                && finding.position() < stream.positions().size();
        String where = placed ? " at " + stream.positions().get(finding.position()) : "";
        if (finding instanceof AuditFinding.TailMissing tail) {
            return "TRUNCATED: the binding's status holds chain head sequence " + tail.anchorSequence() + ", "
                    + (tail.lastSequence() == 0
                            ? "no record of the chain is here"
                            : "the chain ends at sequence " + tail.lastSequence()
                                    + (placed ? " (" + stream.positions().get(finding.position()) + ")" : ""))
                    + ": its tail was removed";
        }
        if (finding instanceof AuditFinding.UnknownKey unknown) {
            return "UNVERIFIABLE: sequence " + unknown.sequence() + " is sealed with audit key " + unknown.keyId()
                    + ", which was not given (--audit-key or audit.keyFile / audit.previousKeyFiles)" + where;
        }
        if (finding instanceof AuditFinding.RecordRemoved removed) {
            return "REMOVED: sequence " + removed.expectedSequence() + " is missing; sequence "
                    + removed.foundSequence() + " came in its place" + where;
        }
        if (finding instanceof AuditFinding.RecordReordered reordered) {
            return "REORDERED: sequence " + reordered.foundSequence() + " came where " + reordered.expectedSequence()
                    + " belonged" + where;
        }
        AuditFinding.RecordAltered altered = (AuditFinding.RecordAltered) finding;
        return "ALTERED: sequence " + altered.sequence() + ": " + altered.what() + where;
    }

    private static String printable(String key) {
        return key.length() <= 128 && key.chars().allMatch(c -> c >= ' ' && c <= '~') ? key : "(unprintable)";
    }
}
