package dev.credrift.notifier.webhook;

import dev.credrift.events.CredriftEvent;
import dev.credrift.events.codec.EventCodec;
import io.cloudevents.jackson.JsonFormat;

/**
 * An event as a CloudEvent in structured JSON mode ({@code application/cloudevents+json}): the
 * attributes and the payload (as a JSON object under {@code data}) in one document. Thread-safe.
 */
public final class CloudEventJson {

    /** The content type of a structured CloudEvent in JSON. */
    public static final String CONTENT_TYPE = JsonFormat.CONTENT_TYPE + "; charset=utf-8";

    private final EventCodec codec = new EventCodec();
    private final JsonFormat format = new JsonFormat();

    /** The UTF-8 JSON document. */
    public byte[] write(CredriftEvent event) {
        return format.serialize(codec.toCloudEvent(event));
    }
}
