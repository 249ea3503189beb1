/**
 * MinIO's admin API, for story 2 (architecture.md §1, §4 {@code STORE_MISSING_ACCOUNT}): when the vault is the authority and
 * MinIO does not know the vault's access key, credrift creates a service account with exactly the vault's keys.
 *
 * <p>{@link dev.credrift.reconciler.minio.MinioAdmin} wraps minio-admin's {@code MinioAdminClient}: it lists the
 * admin user's service accounts first and adds one only when the access key is not listed (never updating one that
 * is: a key that exists with another secret is a conflict for a human). Admin credentials come from the Secret the
 * binding names ({@link dev.credrift.reconciler.minio.AdminCredentials}). Failures are
 * {@link dev.credrift.reconciler.minio.MinioAdminException}s whose messages name the endpoint, the operation and
 * MinIO's error code — never a key, a secret or a raw response body.
 */
package dev.credrift.reconciler.minio;
