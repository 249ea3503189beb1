package dev.credrift.api.status;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The fingerprint (HMAC-SHA256, base64url, 22 characters) of the credential each hop held at the last assessment;
 * absent where the hop does not exist or could not be read.
 *
 * @param source    the authority-side source (Rook secret, Secret, MinIO account)
 * @param vault     the 1Password item
 * @param replica   the ExternalSecret's target Secret
 * @param consumers the credential the consumer pods started with, when they all agree
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Fingerprints(String source, String vault, String replica, String consumers) {}
