package dev.credrift.app.sandbox;

import dev.credrift.events.credential.Credential;
import dev.credrift.sandbox.rgw.CephBinariesRequired;
import io.fabric8.kubernetes.api.model.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Story 6 on a real Ceph RGW with a plain RGW user ({@code story-6-scheduled-rotation-rgw-user}, issue 17): no Rook;
 * the binding's source is the operator's Secret with loki's key, and credrift mints and revokes through RGW's Admin
 * Ops API with an admin user the world granted {@code users=*}. Besides {@link RgwRotationStory#assertRotated}: the
 * source Secret ends on the new key, the mint went through Admin Ops, and the admin credential still works. Skipped
 * without the Ceph binaries, failed when {@code CI=true}.
 */
@ExtendWith(CephBinariesRequired.class)
class SandboxRgwUserRotationIT {

    private static final String SOURCE_KEY = "source Secret's access key id at end";
    private static final String ADMIN = "admin key accepted at end";

    @TempDir
    Path out;

    @Test
    void shouldRotateAPlainRgwUserThroughAdminOpsWithoutARefusedConsumerWhenARotationIsAskedFor() throws IOException {
        RgwRotationStory story =
                new RgwRotationStory("story-6-scheduled-rotation-rgw-user", "loki", "loki-chunks", "monitoring");

        RgwRotationStory.Seen seen = story.run(out, world -> {
            Secret source = world.kubernetesClient()
                    .secrets()
                    .inNamespace("storage")
                    .withName("loki-s3-source")
                    .get();
            String id = new String(
                    Base64.getDecoder().decode(source.getData().get("AWS_ACCESS_KEY_ID")), StandardCharsets.UTF_8);
            Credential admin = world.objectStore().users().keys("rgwadmin").get(0);
            // the admin's own key answers S3 too (it owns no bucket: RGW says AccessDenied, not a key error)
            return Map.of(SOURCE_KEY, id, ADMIN, story.probe(world, admin).toString());
        });

        SoftAssertions softly = new SoftAssertions();
        story.assertRotated(softly, seen);
        softly.assertThat(seen.atEnd().get(SOURCE_KEY))
                .as("the source Secret (the store's copy, the authority) ends on the new key")
                .isEqualTo(
                        seen.keysAtEnd().isEmpty()
                                ? ""
                                : seen.keysAtEnd().get(0).accessKeyId());
        softly.assertThat((String) seen.atEnd().get(ADMIN))
                .as("the admin credential is neither rotated nor refused")
                .doesNotContain("InvalidAccessKeyId")
                .doesNotContain("SignatureDoesNotMatch");
        softly.assertThat(seen.outputs().get("outcomes.jsonl"))
                .as("the mint went through RGW's Admin Ops API, into the source Secret")
                .contains("Admin Ops; kept in step with the source Secret storage/loki-s3-source");
        softly.assertAll();
    }
}
