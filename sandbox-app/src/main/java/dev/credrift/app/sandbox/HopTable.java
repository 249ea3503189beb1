package dev.credrift.app.sandbox;

import java.util.List;
import java.util.Locale;

/**
 * The hop table of one binding: a row per moment, a column per hop, ✓ when the hop holds a key the store accepts.
 * <pre>
 *   chain of monitoring/loki-s3   source  vault  replica  consumers
 *     at start                      ✓       ✓       ✓        ✓
 *     at drift +3.4s                ✓       ✗       ✗        ✗       pod loki-0 not ready: InvalidAccessKeyId (HTTP 403)
 *     at end                        ✓       ✓       ✓        ✓
 * </pre>
 */
final class HopTable {

    private HopTable() {}

    static String render(String binding, List<HopRow> rows) {
        int width = Math.max(
                ("chain of " + binding).length(),
                rows.stream().mapToInt(row -> row.moment().length() + 2).max().orElse(0));
        StringBuilder text = new StringBuilder();
        text.append(String.format(
                Locale.ROOT, "  %-" + width + "s  source  vault  replica  consumers", "chain of " + binding));
        for (HopRow row : rows) {
            text.append(System.lineSeparator())
                    .append(String.format(
                            Locale.ROOT,
                            "  %-" + width + "s    %s       %s       %s        %s",
                            "  " + row.moment(),
                            row.source().symbol(),
                            row.vault().symbol(),
                            row.replica().symbol(),
                            row.consumers().symbol()));
            if (row.consumers() == HopMark.BAD) {
                row.consumersNote().ifPresent(note -> text.append("      ").append(note));
            }
        }
        return text.toString();
    }
}
