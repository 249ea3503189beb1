/**
 * The S3 store stand-in: {@link dev.credrift.sandbox.s3.S3StoreStandIn}, S3Proxy in this JVM with a
 * runtime-rotatable identity map, answering {@code InvalidAccessKeyId}, {@code SignatureDoesNotMatch},
 * {@code UserSuspended}, {@code AccessDenied} and {@code NoSuchBucket} as RGW and MinIO do, over HTTP or
 * HTTPS with a certificate from {@link dev.credrift.sandbox.tls.TestPki}.
 */
package dev.credrift.sandbox.s3;
