package dev.credrift.notifier.delivery;

import dev.credrift.notifier.config.SinkTarget;
import dev.credrift.notifier.report.Report;
import dev.credrift.notifier.slack.SlackRenderer;
import dev.credrift.notifier.webhook.CloudEventJson;
import dev.credrift.notifier.webhook.IdempotencyKey;

/**
 * The body for a sink: a Block Kit message for Slack, the triggering event as a structured CloudEvent
 * for webhooks; keyed for idempotency by sink and event id. Thread-safe.
 */
public final class MessageRenderer {

    private final SlackRenderer slack = new SlackRenderer();
    private final CloudEventJson cloudEvents = new CloudEventJson();

    /** The message for this report and sink. */
    public OutgoingMessage render(Report report, SinkTarget target) {
        String key = IdempotencyKey.of(target.name(), report.event().id());
        return switch (target.kind()) {
            case SLACK ->
                new OutgoingMessage(
                        report, "application/json; charset=utf-8", slack.renderBytes(report, target.name()), key);
            case WEBHOOK ->
                new OutgoingMessage(report, CloudEventJson.CONTENT_TYPE, cloudEvents.write(report.event()), key);
        };
    }
}
