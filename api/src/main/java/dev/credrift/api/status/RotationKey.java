package dev.credrift.api.status;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A key named in {@code status.rotation}: never the key itself.
 *
 * @param accessKeyId the masked access key id ({@code S1CF…N6CK}), as elsewhere in status
 * @param fingerprint the credential's fingerprint when credrift read it, else absent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RotationKey(String accessKeyId, String fingerprint) {}
