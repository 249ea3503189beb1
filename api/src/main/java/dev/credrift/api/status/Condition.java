package dev.credrift.api.status;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One condition, shaped like {@code metav1.Condition}. Build them with {@link Conditions}.
 *
 * @param type               {@code InSync}, {@code Remediating}, {@code Halted} or {@code Valid}
 * @param status             {@code True}, {@code False} or {@code Unknown}
 * @param reason             CamelCase reason, e.g. {@code VaultStale}
 * @param message            human-readable detail: field names, fingerprints, masked ids, never a secret
 * @param lastTransitionTime when {@code status} last changed
 * @param observedGeneration the {@code metadata.generation} this condition judged
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Condition(
        ConditionType type,
        ConditionStatus status,
        String reason,
        String message,
        Instant lastTransitionTime,
        Long observedGeneration) {

    @JsonIgnore // a helper, not a field: the CRD schema has no "true" property
    public boolean isTrue() {
        return status == ConditionStatus.TRUE;
    }

    @JsonIgnore
    public boolean isFalse() {
        return status == ConditionStatus.FALSE;
    }
}
