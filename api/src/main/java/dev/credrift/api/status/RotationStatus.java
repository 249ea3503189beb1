package dev.credrift.api.status;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The binding's managed rotation ({@code status.rotation}): the open one, else the last one, else only when the next
 * is due. No secret value ever; keys as masked id and fingerprint.
 *
 * @param phase       the step under way, or how the rotation ended; absent when none has started
 * @param rotationId  as in the rotation events and audit records
 * @param startedAt   when the rotation started
 * @param finishedAt  when it reached a terminal phase
 * @param step        the {@code RotationStepKind} of the current or last step ({@code MINT}, …)
 * @param newKey      the minted key
 * @param oldKey      the key being replaced
 * @param nextDue     when the next scheduled rotation is due (absent without {@code spec.rotation.every})
 * @param lastRequest the {@code credrift.dev/rotate-now} token credrift acted on last
 * @param message     a sentence for humans; for Refused, Halted and Failed it says why and what to do
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RotationStatus(
        RotationPhase phase,
        String rotationId,
        Instant startedAt,
        Instant finishedAt,
        String step,
        RotationKey newKey,
        RotationKey oldKey,
        Instant nextDue,
        String lastRequest,
        String message) {}
