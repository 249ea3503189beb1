package dev.credrift.api.spec;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Labels of the item fields that hold the pair, e.g. {@code access_key} and {@code secret_key}. Required rather
 * than defaulted: a wrong label is exactly the kind of drift nobody notices.
 *
 * @param accessKeyId     label of the access key id field
 * @param secretAccessKey label of the secret access key field
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record OnePasswordFields(String accessKeyId, String secretAccessKey) {}
