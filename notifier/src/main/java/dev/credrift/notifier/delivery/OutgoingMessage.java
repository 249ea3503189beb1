package dev.credrift.notifier.delivery;

import dev.credrift.notifier.report.Report;
import java.util.Objects;

/**
 * A rendered message for one sink: the body is the same for every attempt (webhook signatures are
 * computed per attempt, with a fresh timestamp).
 */
public record OutgoingMessage(Report report, String contentType, byte[] body, String idempotencyKey) {

    /** Requires every field. */
    public OutgoingMessage {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }

    /** Kind, binding and size only. */
    @Override
    public String toString() {
        return "OutgoingMessage[" + report.kind() + " " + report.binding() + ", " + body.length + " bytes]";
    }
}
