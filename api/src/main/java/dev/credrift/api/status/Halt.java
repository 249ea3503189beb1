package dev.credrift.api.status;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * Why automatic actions on this binding are stopped (a failed readiness gate, invariant 5). Present only while
 * halted; cleared by a human or by a change of the binding.
 *
 * @param since         when the binding was halted
 * @param reason        CamelCase reason, e.g. {@code ReadinessTimeout}
 * @param message       what failed and what a human should check
 * @param remediationId the remediation that halted
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Halt(Instant since, String reason, String message, String remediationId) {}
