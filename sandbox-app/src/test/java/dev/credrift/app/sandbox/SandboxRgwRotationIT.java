package dev.credrift.app.sandbox;

import dev.credrift.sandbox.rgw.CephBinariesRequired;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Story 6's twins on a real Ceph RGW with a Rook {@code spec.keys} user (issue 17) through {@code credrift sandbox}
 * with the real watcher, reconciler and notifier: {@code story-6-scheduled-rotation-rgw} (credrift edits
 * {@code spec.keys}, Rook adds and removes the keys) and {@code story-6-scheduled-rotation-rgw-admin-ops} (RGW's Admin
 * Ops API mints and revokes at once, {@code spec.keys} kept in step). What every rotation on real RGW must show is
 * {@link RgwRotationStory#assertRotated}; here also the operator's key Secret is kept. Skipped without the Ceph
 * binaries, failed when {@code CI=true}.
 */
@ExtendWith(CephBinariesRequired.class)
class SandboxRgwRotationIT {

    private static final String OPERATORS_SECRET = "operator's key Secret at end";

    @TempDir
    Path out;

    @Test
    void shouldRotateARookSpecKeysUserOnRealRgwWithoutARefusedConsumerWhenARotationIsAskedFor() throws IOException {
        rotate("story-6-scheduled-rotation-rgw", "in spec.keys of CephObjectStoreUser storage/loki");
    }

    @Test
    void shouldRotateARookSpecKeysUserThroughAdminOpsWithoutARefusedConsumerWhenAnAdminSecretIsNamed()
            throws IOException {
        rotate(
                "story-6-scheduled-rotation-rgw-admin-ops",
                "(Admin Ops; kept in step with spec.keys of CephObjectStoreUser storage/loki)");
    }

    private void rotate(String name, String mintedWhere) throws IOException {
        RgwRotationStory story = new RgwRotationStory(name, "loki", "loki-chunks", "monitoring");

        RgwRotationStory.Seen seen = story.run(
                out,
                world -> Map.of(
                        OPERATORS_SECRET,
                        world.kubernetesClient()
                                        .secrets()
                                        .inNamespace("storage")
                                        .withName("loki-initial-key")
                                        .get()
                                != null));

        SoftAssertions softly = new SoftAssertions();
        story.assertRotated(softly, seen);
        softly.assertThat(seen.atEnd().get(OPERATORS_SECRET))
                .as("credrift never deletes a Secret it did not create")
                .isEqualTo(true);
        softly.assertThat(seen.outputs().get("outcomes.jsonl"))
                .as("where the minted key went")
                .contains(mintedWhere);
        softly.assertAll();
    }
}
