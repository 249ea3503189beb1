package dev.credrift.reconciler.probe;

/** How the bucket appears in request URLs. */
public enum AddressingStyle {
    /** minio-java's choice: virtual-hosted for AWS and Alibaba hosts, path-style for everything else. */
    AUTO,
    /** {@code https://host/bucket} — RGW, MinIO and most in-cluster stores. */
    PATH,
    /** {@code https://bucket.host/}. */
    VIRTUAL_HOST
}
