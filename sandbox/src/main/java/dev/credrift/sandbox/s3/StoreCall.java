package dev.credrift.sandbox.s3;

/**
 * One operation the store carried out (or refused after authentication) for a user, as the S3 stand-in
 * saw it: e.g. {@code list} for a ListObjects GET, {@code headBucket} for a HEAD on the bucket.
 *
 * @param user the store user the request authenticated as
 * @param bucket the bucket in the request path, or {@code null} for service-level requests
 * @param operation the blob-store operation (S3Proxy's name for it)
 * @param refusedWith the S3 error code the user got instead ({@code UserSuspended}, {@code AccessDenied}), or {@code null}
 */
public record StoreCall(String user, String bucket, String operation, String refusedWith) {}
