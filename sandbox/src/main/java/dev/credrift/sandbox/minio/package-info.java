/**
 * A MinIO stand-in for story 2: S3 is served by the sandbox's {@link dev.credrift.sandbox.s3.S3StoreStandIn}, and
 * {@link dev.credrift.sandbox.minio.MinioStandIn} serves the admin API endpoints that minio-admin's
 * {@code MinioAdminClient} calls to manage service accounts ({@code list-service-accounts},
 * {@code add-service-account}, {@code delete-service-account}, {@code list-canned-policies}) on its own port.
 * Requests must be SigV4-signed with
 * the root credential (checked like MinIO: unknown key {@code InvalidAccessKeyId}, wrong signature
 * {@code SignatureDoesNotMatch}); bodies are decrypted and encrypted with minio-admin's own {@code Crypto} under the
 * root secret (a body that does not decrypt gets 400 {@code XMinioAdminConfigBadJSON}). A created service account
 * becomes a user of the S3 store named by its access key, so the store accepts its keys on the very next request.
 */
package dev.credrift.sandbox.minio;
