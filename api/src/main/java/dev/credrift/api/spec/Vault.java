package dev.credrift.api.spec;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The vault hop. Only 1Password (through Connect) exists today; the wrapper leaves room for others.
 *
 * @param onePassword the 1Password item holding the pair
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Vault(OnePasswordItem onePassword) {}
