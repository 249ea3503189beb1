package dev.credrift.events.codec;

import static dev.credrift.events.Fixtures.LOKI;
import static dev.credrift.events.Fixtures.golden;
import static dev.credrift.events.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.credrift.events.EventFactory;
import dev.credrift.events.Fixtures;
import dev.credrift.events.codec.DecodeFailure.Reason;
import dev.credrift.events.payload.DeadLetter;
import dev.credrift.events.payload.EventType;
import dev.credrift.events.payload.ObjectRef;
import dev.credrift.events.payload.Problem;
import dev.credrift.events.payload.ProblemCode;
import dev.credrift.events.payload.ResyncRequested;
import dev.credrift.events.payload.SourceSecretObserved;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventCodecGarbageTest {

    /** Looks like a leaked credential; must never come back in a failure detail. */
    private static final String CANARY = "wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY";

    private static final EventType TYPE = EventType.SOURCE_SECRET_OBSERVED;

    private final EventCodec codec = new EventCodec();

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/xml", "application/json; charset=latin1", "application/avro"})
    void shouldFailWithWrongContentTypeWhenContentTypeIsNotJson(String contentType) {
        assertFailure(withHeader(EventCodec.CONTENT_TYPE, contentType), Reason.WRONG_CONTENT_TYPE, "content-type");
    }

    @Test
    void shouldFailWithWrongContentTypeWhenRecordIsInStructuredMode() {
        assertFailure(
                withHeader(EventCodec.CONTENT_TYPE, "application/cloudevents+json"),
                Reason.WRONG_CONTENT_TYPE,
                "structured mode");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "application/json",
                "Application/JSON",
                "application/json; charset=UTF-8",
                "application/json;charset=\"utf-8\""
            })
    void shouldDecodeWhenContentTypeIsJsonInAnySpelling(String contentType) {
        assertThat(codec.decode(withHeader(EventCodec.CONTENT_TYPE, contentType)))
                .isInstanceOf(Decoded.class);
    }

    static List<String> requiredHeaders() {
        return EventCodec.REQUIRED_HEADERS;
    }

    @ParameterizedTest
    @MethodSource("requiredHeaders")
    void shouldNameTheHeaderWhenARequiredHeaderIsMissing(String header) {
        assertFailure(without(header), Reason.MISSING_HEADER, header);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.3", "2.0", "1"})
    void shouldFailWithUnsupportedSpecVersionWhenSpecVersionIsNotOneDotZero(String version) {
        assertFailure(
                withHeader(EventCodec.CE_SPECVERSION, version), Reason.UNSUPPORTED_SPEC_VERSION, "ce_specversion");
    }

    @Test
    void shouldFailWithInvalidHeaderWhenHeaderIsNotUtf8() {
        Map<String, byte[]> headers = Fixtures.headers(TYPE, LOKI.toString());
        headers.put(EventCodec.CE_ID, new byte[] {(byte) 0xC3, (byte) 0x28});

        assertFailure(new KafkaRecord(LOKI.toString(), headers, golden(TYPE)), Reason.INVALID_HEADER, "ce_id");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ce_time=yesterday",
                "ce_time=2026-11-21 09:17:02",
                "ce_source=::not a uri",
                "ce_subject=no-slash",
                "ce_subject=Monitoring/Loki",
                "ce_id=has space",
                "ce_correlationid=",
                "ce_dataschema=https://exa mple"
            })
    void shouldFailWithInvalidHeaderWhenHeaderIsMalformed(String assignment) {
        String[] parts = assignment.split("=", 2);

        assertFailure(withHeader(parts[0], parts[1]), Reason.INVALID_HEADER, parts[0]);
    }

    @Test
    void shouldFailWithUnknownTypeWhenTypeIsNotCredrifts() {
        assertFailure(
                withHeader(EventCodec.CE_TYPE, "com.example.something.v1"),
                Reason.UNKNOWN_TYPE,
                "com.example.something.v1");
    }

    @Test
    void shouldHideTheTypeWhenUnknownTypeIsNotPrintable() {
        DecodeFailure failure = assertFailure(
                withHeader(EventCodec.CE_TYPE, "type with " + CANARY + "\n"), Reason.UNKNOWN_TYPE, "not printable");
        assertThat(failure.detail()).doesNotContain(CANARY);
    }

    @Test
    void shouldFailWithEnvelopeMismatchWhenDataschemaBelongsToAnotherType() {
        assertFailure(
                withHeader(
                        EventCodec.CE_DATASCHEMA,
                        EventType.DRIFT_DETECTED.dataSchema().toString()),
                Reason.ENVELOPE_MISMATCH,
                "ce_dataschema");
    }

    @Test
    void shouldFailWithEnvelopeMismatchWhenKeyDiffersFromSubject() {
        KafkaRecord record =
                new KafkaRecord("monitoring/tempo-s3", Fixtures.headers(TYPE, LOKI.toString()), golden(TYPE));

        assertFailure(record, Reason.ENVELOPE_MISMATCH, "key");
    }

    @Test
    void shouldFailWithEnvelopeMismatchWhenPayloadIsAboutAnotherBinding() {
        Map<String, byte[]> headers = Fixtures.headers(TYPE, "monitoring/tempo-s3");

        assertFailure(
                new KafkaRecord("monitoring/tempo-s3", headers, golden(TYPE)), Reason.ENVELOPE_MISMATCH, "bindingId");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{",
                "{\"bindingId\": ",
                "not json at all " + CANARY,
                "{\"a\":1}}",
                "{\"a\":1,\"a\":2}",
                "\u0000\u0001"
            })
    void shouldFailWithInvalidJsonWhenValueIsNotJson(String value) {
        DecodeFailure failure = assertFailure(Fixtures.record(TYPE, utf8(value)), Reason.INVALID_JSON, "JSON");
        assertThat(failure.detail()).doesNotContain(CANARY);
    }

    @Test
    void shouldFailWithInvalidJsonWhenValueIsNotUtf8() {
        byte[] latin1 = {'{', '"', 'b', '"', ':', '"', (byte) 0xE9, '"', '}'};

        assertFailure(Fixtures.record(TYPE, latin1), Reason.INVALID_JSON, "JSON");
    }

    @Test
    void shouldNameTheFieldWhenARequiredFieldIsMissing() {
        assertFailure(mutated(o -> o.remove("secret")), Reason.SCHEMA_VIOLATION, "$.secret");
    }

    @Test
    void shouldNameTheNestedFieldWhenANestedRequiredFieldIsMissing() {
        assertFailure(
                mutated(o -> o.withObjectProperty("credential").remove("fingerprint")),
                Reason.SCHEMA_VIOLATION,
                "$.credential.fingerprint");
    }

    @Test
    void shouldNameTheFieldWhenAFieldHasTheWrongType() {
        assertFailure(mutated(o -> o.put("problems", "none")), Reason.SCHEMA_VIOLATION, "$.problems");
    }

    @Test
    void shouldNameTheFieldWithoutItsValueWhenAFingerprintIsMalformed() {
        DecodeFailure failure = assertFailure(
                mutated(o -> o.withObjectProperty("credential").put("fingerprint", CANARY)),
                Reason.SCHEMA_VIOLATION,
                "$.credential.fingerprint");
        assertThat(failure.detail()).doesNotContain(CANARY).contains("22 base64url");
    }

    @Test
    void shouldNotEchoTheValueWhenAnEnumValueIsUnknown() {
        DecodeFailure failure = assertFailure(
                mutated(o ->
                        o.putArray("problems").addObject().put("code", CANARY).put("message", "m")),
                Reason.SCHEMA_VIOLATION,
                "$.problems[0].code");
        assertThat(failure.detail()).doesNotContain(CANARY);
    }

    @Test
    void shouldNameTheFieldWhenAnUnknownFieldIsPresent() {
        assertFailure(mutated(o -> o.put("secretAccessKey", CANARY)), Reason.SCHEMA_VIOLATION, "$.secretAccessKey");
    }

    @Test
    void shouldHideTheNameWhenAnUnknownFieldLooksLikeAKey() {
        DecodeFailure failure = assertFailure(mutated(o -> o.put(CANARY, "x")), Reason.SCHEMA_VIOLATION, "not part");
        assertThat(failure.detail()).doesNotContain(CANARY);
    }

    @Test
    void shouldFailWithSchemaViolationWhenAFieldIsNull() {
        assertFailure(mutated(o -> o.putNull("endpoint")), Reason.SCHEMA_VIOLATION, "$.endpoint");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"monitoring/loki-s3\"", "42", "null"})
    void shouldFailWithSchemaViolationWhenValueIsNotAnObject(String value) {
        assertFailure(Fixtures.record(TYPE, utf8(value)), Reason.SCHEMA_VIOLATION, "$");
    }

    @Test
    void shouldFailWithTooLargeWhenRecordIsTenMegabytes() {
        byte[] huge = new byte[10 * 1024 * 1024];
        Arrays.fill(huge, (byte) ' ');
        huge[0] = '{';
        huge[huge.length - 1] = '}';

        assertFailure(Fixtures.record(TYPE, huge), Reason.TOO_LARGE, "limit of 1048576");
    }

    @Test
    void shouldFailWithTooLargeWhenHeadersAloneExceedTheLimit() {
        assertFailure(withHeader("x-padding", "p".repeat(2 * 1024 * 1024)), Reason.TOO_LARGE, "headers");
    }

    @Test
    void shouldHonourAConfiguredLimitWhenDecoding() {
        EventCodec small = new EventCodec(1024);
        byte[] value = Fixtures.bytes(Fixtures.tree(golden(TYPE)));
        ObjectNode padded = (ObjectNode) Fixtures.tree(value);
        padded.put("endpoint", "https://" + "e".repeat(990));

        assertThat(small.decode(Fixtures.record(TYPE, Fixtures.bytes(padded))))
                .isInstanceOfSatisfying(
                        DecodeFailure.class, f -> assertThat(f.reason()).isEqualTo(Reason.TOO_LARGE));
        assertThat(codec.decode(Fixtures.record(TYPE, Fixtures.bytes(padded)))).isInstanceOf(Decoded.class);
    }

    @Test
    void shouldRefuseToEncodeWhenTheRecordWouldBeTooLarge() {
        EventCodec small = new EventCodec(1024);
        SourceSecretObserved big = new SourceSecretObserved(
                LOKI,
                new ObjectRef("storage", "s"),
                null,
                null,
                null,
                List.of(
                        new Problem(ProblemCode.INVALID_VALUE, null, "x".repeat(1000)),
                        new Problem(ProblemCode.INVALID_VALUE, null, "y".repeat(1000))));
        EventFactory factory = EventFactory.system(URI.create("urn:credrift:test"));

        assertThatThrownBy(() -> small.encode(factory.create(big)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("over the limit of 1024");
    }

    @Test
    void shouldFailWithNoValueWhenValueIsNull() {
        assertFailure(Fixtures.record(TYPE, null), Reason.NO_VALUE, "no value");
    }

    @Test
    void shouldFailWithNoValueWhenValueIsEmpty() {
        assertFailure(Fixtures.record(TYPE, new byte[0]), Reason.NO_VALUE, "no value");
    }

    @Test
    void shouldFailWithNoValueWhenRecordIsNull() {
        assertFailure(null, Reason.NO_VALUE, "no record");
    }

    @Test
    void shouldFailWithMissingHeaderWhenRecordHasNoHeadersAtAll() {
        assertFailure(new KafkaRecord(null, null, golden(TYPE)), Reason.MISSING_HEADER, "content-type");
    }

    @Test
    void shouldFailWithMissingHeaderWhenAHeaderValueIsNull() {
        Map<String, byte[]> headers = Fixtures.headers(TYPE, LOKI.toString());
        headers.put(EventCodec.CE_TYPE, null);

        assertFailure(new KafkaRecord(LOKI.toString(), headers, golden(TYPE)), Reason.MISSING_HEADER, "ce_type");
    }

    @Test
    void shouldNeverThrowWhenFedRandomBytes() {
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 500; i++) {
            byte[] value = new byte[random.nextInt(200)];
            random.nextBytes(value);
            Map<String, byte[]> headers =
                    Fixtures.headers(EventType.values()[i % EventType.values().length], LOKI.toString());
            if (i % 3 == 0) {
                byte[] garbage = new byte[random.nextInt(20)];
                random.nextBytes(garbage);
                headers.put(List.copyOf(headers.keySet()).get(i % headers.size()), garbage);
            }
            DecodeResult result = codec.decode(new KafkaRecord(i % 5 == 0 ? null : LOKI.toString(), headers, value));
            assertThat(result).isInstanceOf(DecodeFailure.class);
            assertThat(((DecodeFailure) result).reason()).isNotEqualTo(Reason.INTERNAL_ERROR);
        }
    }

    @Test
    void shouldAttributeTheDeadLetterToTheBindingWhenKeyIsABindingId() {
        DecodeFailure failure = new DecodeFailure(Reason.SCHEMA_VIOLATION, "$.secret: is required");

        DeadLetter letter =
                failure.toDeadLetter("credrift.observations", 2, 18234, Fixtures.record(TYPE, golden(TYPE)));

        assertThat(letter)
                .isEqualTo(new DeadLetter(
                        LOKI,
                        "credrift.observations",
                        2,
                        18234,
                        TYPE.typeName(),
                        "SCHEMA_VIOLATION",
                        "$.secret: is required"));
    }

    @Test
    void shouldMarkTheDeadLetterUnattributedWhenKeyIsNotABindingId() {
        Map<String, byte[]> headers = Fixtures.headers(TYPE, LOKI.toString());
        headers.put(EventCodec.CE_TYPE, utf8("bad type with spaces"));
        DecodeFailure failure = new DecodeFailure(Reason.UNKNOWN_TYPE, "unknown");

        DeadLetter letter =
                failure.toDeadLetter("credrift.outcomes", 0, 7, new KafkaRecord(CANARY + "!", headers, null));

        assertThat(letter.bindingId()).isEqualTo(DeadLetter.UNATTRIBUTED);
        assertThat(letter.originalType()).isNull();
        assertThat(letter.toString()).doesNotContain(CANARY);
    }

    @Test
    void shouldDecodeWhenUnknownExtensionHeadersArePresent() {
        assertThat(codec.decode(
                        withHeader("ce_traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")))
                .isInstanceOf(Decoded.class);
    }

    @Test
    void shouldDecodeTheResyncGoldenWhenHeadersComeInAnyOrder() {
        EventType type = EventType.RESYNC_REQUESTED;
        Map<String, byte[]> reversed = new java.util.LinkedHashMap<>();
        List<Map.Entry<String, byte[]>> entries = new java.util.ArrayList<>(
                Fixtures.headers(type, LOKI.toString()).entrySet());
        java.util.Collections.reverse(entries);
        entries.forEach(e -> reversed.put(e.getKey(), e.getValue()));

        DecodeResult result = codec.decode(new KafkaRecord(LOKI.toString(), reversed, golden(type)));

        assertThat(result)
                .isInstanceOfSatisfying(
                        Decoded.class,
                        d -> assertThat(d.event().payload())
                                .isEqualTo(new ResyncRequested(LOKI, ResyncRequested.Reason.STARTUP)));
    }

    private DecodeFailure assertFailure(KafkaRecord record, Reason reason, String detailMentions) {
        DecodeResult result = codec.decode(record);
        assertThat(result).isInstanceOf(DecodeFailure.class);
        DecodeFailure failure = (DecodeFailure) result;
        assertThat(failure.reason()).as(failure.detail()).isEqualTo(reason);
        assertThat(failure.detail()).contains(detailMentions);
        return failure;
    }

    private static KafkaRecord withHeader(String name, String value) {
        Map<String, byte[]> headers = Fixtures.headers(TYPE, LOKI.toString());
        headers.put(name, utf8(value));
        return new KafkaRecord(LOKI.toString(), headers, golden(TYPE));
    }

    private static KafkaRecord without(String header) {
        Map<String, byte[]> headers = Fixtures.headers(TYPE, LOKI.toString());
        headers.remove(header);
        return new KafkaRecord(LOKI.toString(), headers, golden(TYPE));
    }

    private static KafkaRecord mutated(Consumer<ObjectNode> mutation) {
        ObjectNode payload = (ObjectNode) Fixtures.tree(golden(TYPE));
        mutation.accept(payload);
        return Fixtures.record(TYPE, Fixtures.bytes(payload));
    }
}
