package dev.credrift.reconciler.rotate;

import dev.credrift.api.pod.Pods;
import dev.credrift.reconciler.world.DataWrites;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.time.Instant;
import java.util.Optional;

/**
 * Since when the key in a Secret has been in use, read from the Secret's metadata. Pure.
 *
 * <p>Why the Secret and not the store: neither RGW's Admin Ops ({@code /admin/user} lists keys without dates) nor
 * MinIO's service-account info reports when a key was made, and credrift's own record of a rotation (the journal)
 * does not exist yet. The authority Secret is written exactly when the key changes (Rook rewrites its user Secret in
 * place, a person edits a named Secret), so the API server's {@code managedFields} say when: the newest entry that
 * owns {@code data} or {@code stringData}. That time moves on every write of its manager, so it can make a key look
 * younger, never older. Without {@code managedFields} (API servers before 1.18, the sandbox's mock), the Secret's
 * {@code creationTimestamp} is used: the key is at most that old, so the error is on the side of rotating early.
 */
public final class KeySince {

    private KeySince() {}

    /** When the Secret's data was last written, else when the Secret was made; empty when neither is readable. */
    public static Optional<Instant> of(ObjectMeta secretMeta) {
        if (secretMeta == null) {
            return Optional.empty();
        }
        return DataWrites.lastAt(secretMeta).or(() -> Pods.time(secretMeta.getCreationTimestamp()));
    }
}
