package dev.credrift.reconciler.rotate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.api.spec.CredentialBindingSpec;
import dev.credrift.api.spec.KeyAdminSecretRef;
import dev.credrift.api.spec.RookObjectUserSource;
import dev.credrift.api.spec.Rotation;
import dev.credrift.api.spec.SecretSource;
import dev.credrift.api.spec.Source;
import dev.credrift.api.spec.SourceKind;
import dev.credrift.api.spec.Store;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Rotations#capability} for a plain RGW user: a Secret source naming its RGW uid and an admin credential. */
class CapabilityTest {

    private static final KeyAdminSecretRef ADMIN = new KeyAdminSecretRef("rgw-admin", "storage", null, null);
    private static final SecretSource SOURCE = new SecretSource("storage", "loki-s3-source", null, null);

    @Test
    void shouldMintThroughAdminOpsWhenASecretSourceNamesItsRgwUserAndTheAdmin() {
        CredentialBindingSpec spec = spec(SOURCE, new Rotation("720h", null, null, null, null, ADMIN, "loki"));

        assertThat(Rotations.capability(spec, false)).isEqualTo(Capability.RGW_ADMIN_OPS);
        assertThat(Rotations.capability(spec, false).mints()).isTrue();
    }

    @Test
    void shouldNotMintWhenASecretSourceLacksTheRgwUserOrTheAdmin() {
        CredentialBindingSpec noUser = spec(SOURCE, new Rotation("720h", null, null, null, null, ADMIN, null));
        CredentialBindingSpec noAdmin = spec(SOURCE, new Rotation("720h", null, null, null, null, null, "loki"));
        CredentialBindingSpec noRotation = spec(SOURCE, null);

        assertThat(Rotations.capability(noUser, true)).isEqualTo(Capability.NO_MINT);
        assertThat(Rotations.capability(noAdmin, true)).isEqualTo(Capability.NO_MINT);
        assertThat(Rotations.capability(noRotation, true)).isEqualTo(Capability.NO_MINT);
    }

    @Test
    void shouldStillNeedSpecKeysWhenARookUserNamesAnRgwUserToo() {
        RookObjectUserSource rook = new RookObjectUserSource("storage", "s3", "loki");
        CredentialBindingSpec spec = spec(rook, new Rotation("720h", null, null, null, null, ADMIN, "loki"));

        // the validator refuses rgwUser with a Rook source; were it read anyway, Rook's rule still decides
        assertThat(Rotations.capability(spec, false)).isEqualTo(Capability.ROOK_WITHOUT_SPEC_KEYS);
        assertThat(Rotations.capability(spec, true)).isEqualTo(Capability.RGW_ADMIN_OPS);
    }

    private static CredentialBindingSpec spec(SourceKind source, Rotation rotation) {
        return new CredentialBindingSpec(
                null,
                null,
                Source.of(source),
                null,
                null,
                List.of(),
                new Store("http://127.0.0.1:7480", "loki-chunks", null, null, null),
                null,
                rotation);
    }
}
