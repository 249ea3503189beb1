package dev.credrift.events.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.credrift.events.ContractViolation;
import dev.credrift.events.CredriftEvent;
import dev.credrift.events.payload.EventPayload;
import dev.credrift.events.payload.EventType;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.types.Time;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Encodes {@link CredriftEvent}s as CloudEvents 1.0 in Kafka binary mode ({@code ce_*} headers,
 * {@code content-type: application/json}, JSON payload as value, binding id as key) and decodes
 * them back. {@link #decode} never throws. Thread-safe.
 */
public final class EventCodec {

    /** The default limit on a record's size (value plus headers): 1 MiB. */
    public static final int DEFAULT_MAX_RECORD_BYTES = 1024 * 1024;

    /** Header of the CloudEvents {@code specversion}, always {@code 1.0}. */
    public static final String CE_SPECVERSION = "ce_specversion";
    /** Header of the CloudEvents {@code id}. */
    public static final String CE_ID = "ce_id";
    /** Header of the CloudEvents {@code source}. */
    public static final String CE_SOURCE = "ce_source";
    /** Header of the CloudEvents {@code type}. */
    public static final String CE_TYPE = "ce_type";
    /** Header of the CloudEvents {@code subject}: the binding id. */
    public static final String CE_SUBJECT = "ce_subject";
    /** Header of the CloudEvents {@code time}, RFC 3339. */
    public static final String CE_TIME = "ce_time";
    /** Header of the CloudEvents {@code dataschema}. */
    public static final String CE_DATASCHEMA = "ce_dataschema";
    /** Header of the optional {@code correlationid} extension. */
    public static final String CE_CORRELATIONID = "ce_correlationid";
    /** Binary mode's {@code datacontenttype} header. */
    public static final String CE_BINDINGLABELS = "ce_bindinglabels";

    public static final String CONTENT_TYPE = "content-type";
    /** The only content type credrift writes and reads. */
    public static final String APPLICATION_JSON = "application/json";

    /** The required headers, in the order {@link #encode} writes them. */
    public static final List<String> REQUIRED_HEADERS =
            List.of(CE_SPECVERSION, CE_ID, CE_SOURCE, CE_TYPE, CE_SUBJECT, CE_TIME, CE_DATASCHEMA, CONTENT_TYPE);

    private static final String CORRELATION_EXTENSION = "correlationid";
    private static final String BINDINGLABELS_EXTENSION = "bindinglabels";

    private final int maxRecordBytes;
    private final ObjectMapper mapper = EventJson.newMapper();
    private final PayloadReader payloads = new PayloadReader(mapper);

    /** A codec with the {@linkplain #DEFAULT_MAX_RECORD_BYTES default} size limit. */
    public EventCodec() {
        this(DEFAULT_MAX_RECORD_BYTES);
    }

    /** A codec refusing records larger than {@code maxRecordBytes} (value plus headers). */
    public EventCodec(int maxRecordBytes) {
        if (maxRecordBytes < 1024) {
            throw new ContractViolation("maxRecordBytes", "must be at least 1024");
        }
        this.maxRecordBytes = maxRecordBytes;
    }

    /**
     * The record for an event.
     *
     * @throws IllegalArgumentException if it would exceed the size limit (a consumer would refuse it)
     */
    public KafkaRecord encode(CredriftEvent event) {
        byte[] json = payloadJson(event.payload());
        CloudEvent cloudEvent = toCloudEvent(event, json);
        Map<String, byte[]> headers = new LinkedHashMap<>();
        header(headers, CE_SPECVERSION, cloudEvent.getSpecVersion().toString());
        header(headers, CE_ID, cloudEvent.getId());
        header(headers, CE_SOURCE, cloudEvent.getSource().toString());
        header(headers, CE_TYPE, cloudEvent.getType());
        header(headers, CE_SUBJECT, cloudEvent.getSubject());
        header(headers, CE_TIME, Time.writeTime(cloudEvent.getTime()));
        header(headers, CE_DATASCHEMA, cloudEvent.getDataSchema().toString());
        if (event.correlationId() != null) {
            header(headers, CE_CORRELATIONID, event.correlationId());
        }
        if (!event.bindingLabels().isEmpty()) {
            header(headers, CE_BINDINGLABELS, event.bindingLabelsText());
        }
        header(headers, CONTENT_TYPE, APPLICATION_JSON);
        KafkaRecord record = new KafkaRecord(event.bindingId().toString(), headers, json);
        long size = size(record);
        if (size > maxRecordBytes) {
            throw new IllegalArgumentException("event " + event.type().typeName() + " for " + event.bindingId()
                    + " encodes to " + size + " bytes, over the limit of " + maxRecordBytes);
        }
        return record;
    }

    /** The event as an SDK CloudEvent (for HTTP or structured-mode sinks); data is the JSON payload. */
    public CloudEvent toCloudEvent(CredriftEvent event) {
        return toCloudEvent(event, payloadJson(event.payload()));
    }

    /** The event in a record, or why there is none. Never throws. */
    public DecodeResult decode(KafkaRecord record) {
        try {
            return decodeOrFail(record);
        } catch (RuntimeException bug) {
            // a bug of ours must not take the consumer down; the class name is safe, the message may not be
            return new DecodeFailure(
                    DecodeFailure.Reason.INTERNAL_ERROR,
                    "unexpected " + bug.getClass().getName() + " while decoding");
        }
    }

    private DecodeResult decodeOrFail(KafkaRecord record) {
        if (record == null) {
            return fail(DecodeFailure.Reason.NO_VALUE, "no record");
        }
        long size = size(record);
        if (size > maxRecordBytes) {
            return fail(
                    DecodeFailure.Reason.TOO_LARGE,
                    "record is " + size + " bytes (value plus headers), over the limit of " + maxRecordBytes);
        }
        if (record.value() == null || record.value().length == 0) {
            return fail(DecodeFailure.Reason.NO_VALUE, "record has no value (a tombstone?)");
        }
        EnvelopeReader.Envelope envelope;
        try {
            envelope = EnvelopeReader.read(record);
        } catch (EnvelopeReader.Rejected rejected) {
            return rejected.failure();
        }
        Optional<EventType> type = EventType.fromTypeName(envelope.type());
        if (type.isEmpty()) {
            return fail(
                    DecodeFailure.Reason.UNKNOWN_TYPE,
                    "ce_type " + Printable.quoteOrHide(envelope.type()) + " is not a credrift event type");
        }
        if (!type.get().dataSchema().equals(envelope.dataSchema())) {
            return fail(
                    DecodeFailure.Reason.ENVELOPE_MISMATCH,
                    "ce_dataschema is not " + type.get().dataSchema() + ", the schema of "
                            + type.get().typeName());
        }
        if (!envelope.subject().toString().equals(record.key())) {
            return fail(DecodeFailure.Reason.ENVELOPE_MISMATCH, "record key does not equal ce_subject");
        }
        PayloadReader.Result read = payloads.read(record.value(), type.get().payloadClass());
        if (read.failure() != null) {
            return read.failure();
        }
        EventPayload payload = read.payload();
        if (!payload.bindingId().equals(envelope.subject())) {
            return fail(DecodeFailure.Reason.ENVELOPE_MISMATCH, "payload bindingId does not equal ce_subject");
        }
        Map<String, String> labels;
        try {
            labels = CredriftEvent.parseBindingLabels(envelope.bindingLabels());
            return new Decoded(new CredriftEvent(
                    envelope.id(), envelope.source(), envelope.time(), envelope.correlationId(), payload, labels));
        } catch (ContractViolation e) {
            // the rule only, never the labels: a header is no place to quote
            return fail(DecodeFailure.Reason.INVALID_HEADER, CE_BINDINGLABELS + " " + e.rule());
        }
    }

    private byte[] payloadJson(EventPayload payload) {
        try {
            return mapper.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            // our own records always serialize; reaching this is a bug in a payload type
            throw new IllegalStateException(
                    "cannot serialize payload " + payload.type().typeName(), e);
        }
    }

    private static CloudEvent toCloudEvent(CredriftEvent event, byte[] json) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(event.id())
                .withSource(event.source())
                .withType(event.type().typeName())
                .withSubject(event.bindingId().toString())
                .withTime(OffsetDateTime.ofInstant(event.time(), ZoneOffset.UTC))
                .withDataSchema(event.type().dataSchema())
                .withData(APPLICATION_JSON, json);
        if (event.correlationId() != null) {
            builder.withExtension(CORRELATION_EXTENSION, event.correlationId());
        }
        if (!event.bindingLabels().isEmpty()) {
            builder.withExtension(BINDINGLABELS_EXTENSION, event.bindingLabelsText());
        }
        return builder.build();
    }

    private static void header(Map<String, byte[]> headers, String name, String value) {
        headers.put(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static long size(KafkaRecord record) {
        long size = record.value() == null ? 0 : record.value().length;
        for (Map.Entry<String, byte[]> header : record.headers().entrySet()) {
            size += header.getKey().length() + (header.getValue() == null ? 0 : header.getValue().length);
        }
        return size;
    }

    private static DecodeFailure fail(DecodeFailure.Reason reason, String detail) {
        return new DecodeFailure(reason, detail);
    }
}
