package dev.credrift.api.spec;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The replica hop: an ExternalSecret in the binding's namespace. Its target Secret and keys are read from the
 * ExternalSecret itself, so they are not repeated here.
 *
 * @param externalSecret the ExternalSecret that writes the replica
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Replica(ExternalSecretRef externalSecret) {}
