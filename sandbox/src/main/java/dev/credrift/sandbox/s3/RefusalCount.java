package dev.credrift.sandbox.s3;

/**
 * How many signed requests the S3 stand-in answered with 403 (whatever the code: {@code InvalidAccessKeyId},
 * {@code SignatureDoesNotMatch}, {@code UserSuspended}, {@code AccessDenied}).
 *
 * @param all          from any client
 * @param byConsumers  from the world's emulated consumers only (their pods' probes), not from credrift's own checks —
 *                     credrift proving a revoked key refused is a refusal nobody suffers
 */
public record RefusalCount(long all, long byConsumers) {

    /** No refusal. */
    public static final RefusalCount NONE = new RefusalCount(0, 0);

    RefusalCount plus(boolean byConsumer) {
        return new RefusalCount(all + 1, byConsumers + (byConsumer ? 1 : 0));
    }
}
