package dev.credrift.api.spec;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An ExternalSecret ({@code external-secrets.io}) in the binding's namespace.
 *
 * @param name the ExternalSecret's name
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExternalSecretRef(String name) {}
