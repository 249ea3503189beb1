package dev.credrift.reconciler.rotate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.api.spec.CredentialBindingSpec;
import dev.credrift.api.spec.KeyAdminSecretRef;
import dev.credrift.api.spec.RookObjectUserSource;
import dev.credrift.api.spec.Rotation;
import dev.credrift.api.spec.SecretSource;
import org.junit.jupiter.api.Test;

/** {@link Rotations#capability} for a plain RGW user: a Secret source naming its RGW uid and an admin credential. */
class CapabilityTest {

    private static final KeyAdminSecretRef ADMIN = new KeyAdminSecretRef("rgw-admin", "storage", null, null);
    private static final SecretSource SOURCE = new SecretSource("storage", "loki-s3-source", null, null);

    @Test
    void shouldMintThroughAdminOpsWhenASecretSourceNamesItsRgwUserAndTheAdmin() {
        CredentialBindingSpec spec =
                RotationSeamTest.spec(SOURCE, new Rotation("720h", null, null, null, null, ADMIN, "loki"));

        assertThat(Rotations.capability(spec, false)).isEqualTo(Capability.RGW_ADMIN_OPS);
        assertThat(Rotations.capability(spec, false).mints()).isTrue();
    }

    @Test
    void shouldNotMintWhenASecretSourceLacksTheRgwUserOrTheAdmin() {
        CredentialBindingSpec noUser =
                RotationSeamTest.spec(SOURCE, new Rotation("720h", null, null, null, null, ADMIN, null));
        CredentialBindingSpec noAdmin =
                RotationSeamTest.spec(SOURCE, new Rotation("720h", null, null, null, null, null, "loki"));
        CredentialBindingSpec noRotation = RotationSeamTest.spec(SOURCE, null);

        assertThat(Rotations.capability(noUser, true)).isEqualTo(Capability.NO_MINT);
        assertThat(Rotations.capability(noAdmin, true)).isEqualTo(Capability.NO_MINT);
        assertThat(Rotations.capability(noRotation, true)).isEqualTo(Capability.NO_MINT);
    }

    @Test
    void shouldStillNeedSpecKeysWhenARookUserNamesAnRgwUserToo() {
        RookObjectUserSource rook = new RookObjectUserSource("storage", "s3", "loki");
        CredentialBindingSpec spec =
                RotationSeamTest.spec(rook, new Rotation("720h", null, null, null, null, ADMIN, "loki"));

        // the validator refuses rgwUser with a Rook source; were it read anyway, Rook's rule still decides
        assertThat(Rotations.capability(spec, false)).isEqualTo(Capability.ROOK_WITHOUT_SPEC_KEYS);
        assertThat(Rotations.capability(spec, true)).isEqualTo(Capability.RGW_ADMIN_OPS);
    }
}
