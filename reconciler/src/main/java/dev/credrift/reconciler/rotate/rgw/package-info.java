/**
 * Ceph RGW's Admin Ops API for managed rotation (issue 17): list a user's S3 keys, mint a second one
 * ({@code PUT /admin/user?key&generate-key=true}) and revoke one by access key ({@code DELETE /admin/user?key}).
 *
 * <p>Requests are SigV4-signed like S3 requests, with an admin credential whose user has the {@code users=*} cap.
 * RGW answers key listings with secrets in them: they are wrapped in {@code SecretValue} as soon as they are parsed
 * and never appear in a message, a log line or an exception
 * ({@link dev.credrift.reconciler.rotate.rgw.RgwAdminException} names the endpoint, the operation, the uid, masked
 * access keys and RGW's error code only).
 */
package dev.credrift.reconciler.rotate.rgw;
