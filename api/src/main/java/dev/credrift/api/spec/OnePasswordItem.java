package dev.credrift.api.spec;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A 1Password item that holds the access key pair.
 *
 * @param vault            vault name or id, e.g. {@code Infrastructure}
 * @param item             item title or id, e.g. {@code loki-s3-config}
 * @param fields           labels of the two fields that hold the pair
 * @param connectSecretRef the Connect server to use; absent means credrift's own Connect configuration
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record OnePasswordItem(String vault, String item, OnePasswordFields fields, ConnectSecretRef connectSecretRef) {}
