package dev.credrift.sandbox.minio;

import java.time.Instant;

/**
 * One admin request the stand-in answered, for tests; never a body or a key.
 *
 * @param operation the admin operation, e.g. {@code add-service-account}
 * @param status    the HTTP status answered
 * @param code      the error code answered, or empty on success
 */
public record AdminCall(Instant at, String method, String operation, int status, String code) {}
