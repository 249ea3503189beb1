package dev.credrift.sandbox.world.spec;

/** What serves a world's S3 store ({@code store.backend} in a world file). */
public enum StoreBackend {

    /** The S3 stand-in in this JVM (S3Proxy): starts in milliseconds, can swap certificates, fronts MinIO and STS. */
    STAND_IN("standIn"),

    /**
     * A real Ceph RADOS Gateway on loopback ({@code dev.credrift.sandbox.rgw.RealRgw}): users and keys through
     * {@code radosgw-admin}, every verdict RGW's own; needs the Ceph binaries and ~3–5 s to start.
     */
    RGW("rgw");

    private final String fileName;

    StoreBackend(String fileName) {
        this.fileName = fileName;
    }

    /** How a world file names it. */
    public String fileName() {
        return fileName;
    }
}
