package dev.credrift.events.payload;

/** Where a notification went. */
public enum SinkKind {
    /** A Slack incoming webhook (Block Kit). */
    SLACK,
    /** A signed generic webhook. */
    WEBHOOK
}
