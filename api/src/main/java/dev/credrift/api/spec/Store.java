package dev.credrift.api.spec;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The judge: the S3 endpoint and bucket where a credential is tried (one GET list of one object).
 *
 * @param endpoint  {@code http(s)://host[:port]}; absent means the Rook secret's {@code Endpoint}, the MinIO
 *                  endpoint, or the provider's regional endpoint for web identity
 * @param bucket    the bucket to list
 * @param region    the signing region (AWS, OSS; RGW and MinIO accept any)
 * @param pathStyle path-style addressing; absent means path-style for custom endpoints, virtual-hosted for AWS/OSS
 * @param tls       how to trust the endpoint's certificate
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Store(String endpoint, String bucket, String region, Boolean pathStyle, StoreTls tls) {}
