package dev.credrift.events.codec;

import static dev.credrift.events.codec.EventCodec.APPLICATION_JSON;
import static dev.credrift.events.codec.EventCodec.CE_BINDINGLABELS;
import static dev.credrift.events.codec.EventCodec.CE_CORRELATIONID;
import static dev.credrift.events.codec.EventCodec.CE_DATASCHEMA;
import static dev.credrift.events.codec.EventCodec.CE_ID;
import static dev.credrift.events.codec.EventCodec.CE_SOURCE;
import static dev.credrift.events.codec.EventCodec.CE_SPECVERSION;
import static dev.credrift.events.codec.EventCodec.CE_SUBJECT;
import static dev.credrift.events.codec.EventCodec.CE_TIME;
import static dev.credrift.events.codec.EventCodec.CE_TYPE;
import static dev.credrift.events.codec.EventCodec.CONTENT_TYPE;

import dev.credrift.events.BindingId;
import dev.credrift.events.ContractViolation;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.types.Time;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;

// Reads the binary-mode envelope of a record: content-type and ce_* headers, strictly (UTF-8, RFC 3339,
// URIs, printable ids), with the CloudEvents SDK's builder as the last word on the attributes.
final class EnvelopeReader {

    private static final String SPEC_VERSION = "1.0";
    private static final int TOKEN_MAX = 256;

    private EnvelopeReader() {}

    /** The CloudEvents attributes of a record. */
    record Envelope(
            String id,
            URI source,
            String type,
            BindingId subject,
            Instant time,
            URI dataSchema,
            String correlationId,
            String bindingLabels) {}

    /** Why a record's envelope is unusable; thrown only inside this package. */
    static final class Rejected extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient DecodeFailure failure;

        Rejected(DecodeFailure.Reason reason, String detail) {
            super(detail, null, false, false);
            this.failure = new DecodeFailure(reason, detail);
        }

        DecodeFailure failure() {
            return failure;
        }
    }

    static Envelope read(KafkaRecord record) throws Rejected {
        checkContentType(required(record, CONTENT_TYPE));
        String specVersion = required(record, CE_SPECVERSION);
        if (!SPEC_VERSION.equals(specVersion)) {
            throw new Rejected(
                    DecodeFailure.Reason.UNSUPPORTED_SPEC_VERSION,
                    "ce_specversion " + Printable.quoteOrHide(specVersion) + " is not supported; credrift speaks 1.0");
        }
        String id = token(required(record, CE_ID), CE_ID);
        URI source = uri(required(record, CE_SOURCE), CE_SOURCE);
        String type = required(record, CE_TYPE);
        String subjectText = required(record, CE_SUBJECT);
        String timeText = required(record, CE_TIME);
        URI dataSchema = uri(required(record, CE_DATASCHEMA), CE_DATASCHEMA);
        String correlationId = optional(record, CE_CORRELATIONID);
        if (correlationId != null) {
            token(correlationId, CE_CORRELATIONID);
        }
        BindingId subject;
        try {
            subject = BindingId.parse(subjectText);
        } catch (ContractViolation e) {
            throw new Rejected(
                    DecodeFailure.Reason.INVALID_HEADER, "header ce_subject is not a binding id <namespace>/<name>");
        }
        OffsetDateTime time;
        try {
            time = Time.parseTime(timeText);
        } catch (DateTimeException e) {
            throw new Rejected(DecodeFailure.Reason.INVALID_HEADER, "header ce_time is not an RFC 3339 time");
        }
        try {
            // the SDK's own checks on the attributes
            CloudEventBuilder.v1()
                    .withId(id)
                    .withSource(source)
                    .withType(type)
                    .withSubject(subjectText)
                    .withTime(time)
                    .withDataSchema(dataSchema)
                    .withDataContentType(APPLICATION_JSON)
                    .build();
        } catch (IllegalStateException e) {
            throw new Rejected(DecodeFailure.Reason.INVALID_HEADER, "the ce_* headers do not form a CloudEvent");
        }
        return new Envelope(
                id,
                source,
                type,
                subject,
                time.toInstant(),
                dataSchema,
                correlationId,
                optional(record, CE_BINDINGLABELS));
    }

    private static void checkContentType(String contentType) throws Rejected {
        String[] parts = contentType.split(";");
        String mediaType = parts[0].trim().toLowerCase(Locale.ROOT);
        if (mediaType.equals("application/cloudevents+json")) {
            throw new Rejected(
                    DecodeFailure.Reason.WRONG_CONTENT_TYPE,
                    "content-type is application/cloudevents+json (structured mode); credrift uses binary mode"
                            + " with content-type application/json");
        }
        boolean json = mediaType.equals(APPLICATION_JSON);
        for (int i = 1; i < parts.length && json; i++) {
            String[] parameter = parts[i].trim().split("=", 2);
            if (parameter[0].trim().equalsIgnoreCase("charset")) {
                json = parameter.length == 2
                        && parameter[1].trim().replace("\"", "").equalsIgnoreCase("utf-8");
            }
        }
        if (!json) {
            throw new Rejected(
                    DecodeFailure.Reason.WRONG_CONTENT_TYPE,
                    "content-type " + Printable.quoteOrHide(contentType) + " is not application/json (UTF-8)");
        }
    }

    private static String required(KafkaRecord record, String name) throws Rejected {
        String value = optional(record, name);
        if (value == null) {
            throw new Rejected(DecodeFailure.Reason.MISSING_HEADER, "header " + name + " is missing");
        }
        return value;
    }

    private static String optional(KafkaRecord record, String name) throws Rejected {
        byte[] bytes = record.headers().get(name);
        if (bytes == null) {
            return null;
        }
        String value;
        try {
            value = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new Rejected(DecodeFailure.Reason.INVALID_HEADER, "header " + name + " is not UTF-8");
        }
        if (value.isEmpty()) {
            throw new Rejected(DecodeFailure.Reason.INVALID_HEADER, "header " + name + " is empty");
        }
        return value;
    }

    private static String token(String value, String header) throws Rejected {
        if (value.length() > TOKEN_MAX || !value.chars().allMatch(c -> c >= '!' && c <= '~')) {
            throw new Rejected(
                    DecodeFailure.Reason.INVALID_HEADER,
                    "header " + header + " must be 1 to " + TOKEN_MAX + " printable ASCII characters without spaces");
        }
        return value;
    }

    private static URI uri(String value, String header) throws Rejected {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            throw new Rejected(DecodeFailure.Reason.INVALID_HEADER, "header " + header + " is not a URI reference");
        }
    }
}
