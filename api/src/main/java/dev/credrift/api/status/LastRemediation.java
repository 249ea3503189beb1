package dev.credrift.api.status;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The most recent remediation of this binding; its id is the correlation id in the audit stream.
 *
 * @param id         remediation (correlation) id
 * @param outcome    {@code Running}, {@code Succeeded}, {@code Failed}, {@code Halted} or {@code Planned}
 * @param startedAt  when it started
 * @param finishedAt when it ended; absent while running
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record LastRemediation(String id, RemediationOutcome outcome, Instant startedAt, Instant finishedAt) {}
