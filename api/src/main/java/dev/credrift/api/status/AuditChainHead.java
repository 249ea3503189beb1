package dev.credrift.api.status;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The last record of the binding's audit chain, published outside the audit topic so that {@code credrift audit
 * verify} can tell when the tail of the chain was cut off the topic.
 *
 * @param sequence the record's sequence
 * @param hash     its hash: an HMAC under the audit key, so only a key holder could forge a matching head
 * @param keyId    the audit key that sealed it, absent for an unkeyed record
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record AuditChainHead(Long sequence, String hash, String keyId) {}
