package dev.credrift.app.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.credrift.events.BindingId;
import dev.credrift.events.audit.AuditFinding;
import dev.credrift.events.audit.AuditReport;

/**
 * The human-readable result of {@code credrift audit verify}: a header, one row per binding (records, last
 * sequence verified, result) and one line per record that is not an audit record. Positions are given as Kafka
 * partition and offset, so an auditor can look at the record with any Kafka tool.
 */
public final class AuditSummary {

    private AuditSummary() {
    }

    /** Whether the topic verified: every chain intact and every record an audit record. */
    public static boolean intact(AuditStream stream, AuditReport report) {
        return report.intact() && stream.undecodable().isEmpty();
    }

    public static List<String> lines(AuditStream stream, AuditReport report, String bootstrap, boolean fromAnyRecord) {
        Map<BindingId, Integer> counts = new LinkedHashMap<>();
        stream.records().forEach(record -> counts.merge(record.bindingId(), 1, Integer::sum));
        List<String> lines = new ArrayList<>();
        lines.add("audit topic " + stream.topic() + " at " + bootstrap + ": " + stream.records().size() + " audit record(s) in "
                + stream.partitions() + " partition(s), " + counts.size() + " binding(s)"
                + (fromAnyRecord ? "; chains may start after genesis (--from-any-record)" : "; every chain must start at genesis"));
        if (counts.isEmpty() && stream.undecodable().isEmpty()) {
            lines.add("nothing to verify");
            return lines;
        }
        int width = Math.max("binding".length(), counts.keySet().stream().mapToInt(b -> b.toString().length()).max().orElse(0));
        if (!counts.isEmpty()) {
            lines.add(String.format("%-" + width + "s  %7s  %8s  %s", "binding", "records", "verified", "result"));
        }
        for (Map.Entry<BindingId, Integer> binding : counts.entrySet()) {
            long verified = report.verifiedThrough().getOrDefault(binding.getKey(), 0L);
            String result = report.findingFor(binding.getKey()).map(finding -> describe(finding, stream)).orElse("ok");
            lines.add(String.format("%-" + width + "s  %7d  %8d  %s", binding.getKey(), binding.getValue(), verified, result));
        }
        for (AuditStream.Undecodable bad : stream.undecodable()) {
            lines.add("NOT AN AUDIT RECORD at " + bad.position() + (bad.key() == null ? "" : " (key " + printable(bad.key()) + ")")
                    + ": " + bad.reason());
        }
        int broken = report.findings().size() + stream.undecodable().size();
        lines.add(broken == 0 ? "result: intact" : "result: " + broken + " finding(s)");
        return lines;
    }

    static String describe(AuditFinding finding, AuditStream stream) {
        String where = finding.position() >= 0 && finding.position() < stream.positions().size()
                ? " at " + stream.positions().get(finding.position()) : "";
        if (finding instanceof AuditFinding.RecordRemoved removed) {
            return "REMOVED: sequence " + removed.expectedSequence() + " is missing; sequence " + removed.foundSequence()
                    + " came in its place" + where;
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
