package dev.credrift.reconciler.rotate;

/** What credrift can do about a binding's keys, decided from its source (and, for Rook, the user's spec). */
public enum Capability {
    /**
     * An RGW user reached through the Admin Ops API with the admin Secret of {@code spec.rotation}: a Rook user with
     * {@code spec.keys}, or a plain RGW user ({@code spec.source.secret} with {@code spec.rotation.rgwUser}).
     */
    RGW_ADMIN_OPS(true),
    /** A Rook {@code CephObjectStoreUser} with {@code spec.keys} (Rook 1.17+): credrift owns the key Secrets. */
    ROOK_SPEC_KEYS(true),
    /** A Rook user without {@code spec.keys}: Rook keeps one key and deletes any other, so no overlap is possible. */
    ROOK_WITHOUT_SPEC_KEYS(false),
    /** A MinIO service account through the admin API. */
    MINIO_SERVICE_ACCOUNT(true),
    /** IRSA/RRSA: no static keys; short-lived tokens rotate themselves. */
    ROLE_BASED(false),
    /** A plain Secret naming no RGW user: credrift cannot mint its keys; only {@code maxAge} alerts. */
    NO_MINT(false);

    private final boolean mints;

    Capability(boolean mints) {
        this.mints = mints;
    }

    /** Whether credrift can mint a second key for this binding. */
    public boolean mints() {
        return mints;
    }
}
