package dev.credrift.events.codec;

import dev.credrift.events.BindingId;
import dev.credrift.events.ContractViolation;
import dev.credrift.events.payload.DeadLetter;
import java.util.Objects;

/**
 * A record that is not a valid credrift event: a typed reason and a detail that names headers and
 * fields but never echoes payload values.
 */
public record DecodeFailure(Reason reason, String detail) implements DecodeResult {

    private static final int DETAIL_MAX = 1000;

    /** Requires both; shortens the detail to what a dead letter can carry. */
    public DecodeFailure {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
        if (detail.isEmpty()) {
            detail = reason.name();
        }
        if (detail.codePointCount(0, detail.length()) > DETAIL_MAX) {
            detail = detail.substring(0, detail.offsetByCodePoints(0, DETAIL_MAX - 1)) + "\u2026";
        }
    }

    /**
     * The dead letter for this failure: the original key becomes the binding id when it is one
     * (otherwise {@link DeadLetter#UNATTRIBUTED}); the original {@code ce_type} is kept when printable.
     */
    public DeadLetter toDeadLetter(
            String originalTopic, int originalPartition, long originalOffset, KafkaRecord original) {
        BindingId bindingId = DeadLetter.UNATTRIBUTED;
        String originalType = null;
        if (original != null) {
            try {
                bindingId = original.key() == null ? bindingId : BindingId.parse(original.key());
            } catch (ContractViolation notABindingId) {
                // keep UNATTRIBUTED
            }
            originalType = original.headerText(EventCodec.CE_TYPE)
                    .filter(Printable::isToken)
                    .orElse(null);
        }
        return new DeadLetter(
                bindingId, originalTopic, originalPartition, originalOffset, originalType, reason.name(), detail);
    }

    /** Why a record could not be decoded. */
    public enum Reason {
        /** The record (value plus headers) exceeds the codec's limit. */
        TOO_LARGE,
        /** The record has no value (a tombstone), or no record was given. */
        NO_VALUE,
        /** {@code content-type} is not {@code application/json} (structured mode is not supported). */
        WRONG_CONTENT_TYPE,
        /** A required header is absent; the detail names it. */
        MISSING_HEADER,
        /** A header is present but malformed (not UTF-8, not a time, not a URI …); the detail names it. */
        INVALID_HEADER,
        /** {@code ce_specversion} is not {@code 1.0}. */
        UNSUPPORTED_SPEC_VERSION,
        /** {@code ce_type} is not a credrift type. */
        UNKNOWN_TYPE,
        /** Key, {@code ce_subject}, {@code ce_dataschema} and payload disagree; the detail says which. */
        ENVELOPE_MISMATCH,
        /** The value is not well-formed JSON; the detail gives line and column. */
        INVALID_JSON,
        /** The JSON does not match the type's schema; the detail names the field path. */
        SCHEMA_VIOLATION,
        /** The codec itself failed: a bug, reported instead of thrown. */
        INTERNAL_ERROR
    }
}
