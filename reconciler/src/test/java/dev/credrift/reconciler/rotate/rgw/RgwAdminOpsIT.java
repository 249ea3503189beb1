package dev.credrift.reconciler.rotate.rgw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.credrift.events.credential.Credential;
import dev.credrift.reconciler.probe.MinioStoreProbe;
import dev.credrift.reconciler.probe.ProbeTarget;
import dev.credrift.reconciler.probe.ProbeVerdict.Accepted;
import dev.credrift.reconciler.probe.ProbeVerdict.Rejected;
import dev.credrift.reconciler.probe.tls.ProbeTls;
import dev.credrift.reconciler.rotate.rgw.RgwAdminException.Kind;
import dev.credrift.reconciler.rotate.rgw.RgwAdminOps.Minted;
import dev.credrift.reconciler.rotate.rgw.RgwAdminOps.Revoked;
import dev.credrift.sandbox.rgw.RealRgw;
import dev.credrift.sandbox.rgw.RealRgwExtension;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Overlapping rotation through the Admin Ops API against a real Ceph RGW, checked with real S3 requests (the
 * reconciler's own store probe): both keys answer during the overlap, the old one gets {@code InvalidAccessKeyId}
 * right after it is revoked, the new one keeps working.
 */
@ExtendWith(RealRgwExtension.class)
class RgwAdminOpsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static RealRgw rgw;
    private static Credential admin;
    private static RgwAdminOps ops;
    private static MinioStoreProbe probe;

    @BeforeAll
    static void start(RealRgw started) {
        rgw = started;
        admin = rgw.createUser("rotation-admin");
        rgw.grantCaps("rotation-admin", "users=*");
        ops = connect(admin);
        probe = new MinioStoreProbe();
    }

    @AfterAll
    static void stop() {
        if (ops != null) {
            ops.close();
        }
        if (probe != null) {
            probe.close();
        }
    }

    @Test
    void shouldAnswerWithBothKeysDuringOverlapAndRefuseOnlyTheOldOneAfterRevokeWhenRotated() {
        Credential old = rgw.createUser("loki");
        rgw.createBucket(old, "loki-chunks");
        ProbeTarget bucket = ProbeTarget.of(rgw.endpoint().toString(), "loki-chunks");

        Minted minted = ops.mint("loki");
        Credential fresh = minted.key();
        List<Credential> during = ops.keys("loki");
        boolean oldAcceptedDuringOverlap = probe.probe(bucket, old).equals(new Accepted(false));
        boolean freshAcceptedDuringOverlap = probe.probe(bucket, fresh).equals(new Accepted(false));
        Revoked revoked = ops.revoke("loki", old.accessKeyId());

        assertThat(minted.before()).containsExactly(old.accessKeyId());
        assertThat(fresh.accessKeyId()).isNotEqualTo(old.accessKeyId()).matches("[A-Z0-9]{20}");
        assertThat(during).containsExactlyInAnyOrder(old, fresh);
        assertThat(oldAcceptedDuringOverlap).as("old key during overlap").isTrue();
        assertThat(freshAcceptedDuringOverlap).as("new key during overlap").isTrue();
        assertThat(revoked).isEqualTo(Revoked.REVOKED);
        assertThat(probe.probe(bucket, old))
                .isEqualTo(new Rejected(Rejected.Reason.INVALID_ACCESS_KEY_ID, "InvalidAccessKeyId", 403, false));
        assertThat(probe.probe(bucket, fresh)).isEqualTo(new Accepted(false));
        assertThat(ops.keys("loki")).containsExactly(fresh);
        assertThat(rgw.user("loki").keys()).containsExactly(fresh);
    }

    @Test
    void shouldFindNothingToDoWhenTheKeyWasRevokedBefore() {
        Credential old = rgw.createUser("revoked-twice");
        Credential fresh = ops.mint("revoked-twice").key();

        Revoked first = ops.revoke("revoked-twice", old.accessKeyId());
        Revoked second = ops.revoke("revoked-twice", old.accessKeyId());

        assertThat(first).isEqualTo(Revoked.REVOKED);
        assertThat(second).isEqualTo(Revoked.ALREADY_ABSENT);
        assertThat(ops.keys("revoked-twice")).containsExactly(fresh);
    }

    @Test
    void shouldSayAdminNotPermittedWhenTheAdminLacksTheUsersCap() {
        Credential plain = rgw.createUser("no-caps");
        rgw.createUser("target-of-no-caps");

        RgwAdminException refused;
        try (RgwAdminOps weak = connect(plain)) {
            refused = catchThrowableOfType(() -> weak.mint("target-of-no-caps"), RgwAdminException.class);
        }

        assertThat(refused.kind()).isEqualTo(Kind.ADMIN_NOT_PERMITTED);
        assertThat(refused.code()).isEqualTo("AccessDenied");
        assertThat(rgw.user("target-of-no-caps").keys()).hasSize(1);
    }

    @Test
    void shouldSayAdminCredentialRejectedWhenTheAdminSecretIsWrong() {
        RgwAdminException refused;
        Credential wrongSecret = Credential.of(admin.accessKeyId(), "not-the-admin-secret-not-the-admin-sec");
        try (RgwAdminOps wrong = connect(wrongSecret)) {
            refused = catchThrowableOfType(() -> wrong.keys("rotation-admin"), RgwAdminException.class);
        }

        assertThat(refused.kind()).isEqualTo(Kind.ADMIN_CREDENTIAL_REJECTED);
        assertThat(refused.code()).isEqualTo("SignatureDoesNotMatch");
        assertThat(refused.getMessage()).contains("spec.rotation.adminSecretRef");
    }

    @Test
    void shouldSayNoSuchUserWhenTheUidIsUnknown() {
        RgwAdminException refused = catchThrowableOfType(() -> ops.mint("nobody-here"), RgwAdminException.class);

        assertThat(refused.kind()).isEqualTo(Kind.NO_SUCH_USER);
        assertThat(refused.getMessage()).contains("nobody-here").contains("NoSuchUser");
    }

    @Test
    void shouldKeepKeyMaterialOutOfEveryMessageWhenCallsSucceedAndFail() {
        Credential old = rgw.createUser("scanned");
        Credential fresh = ops.mint("scanned").key();
        List<String> said = new ArrayList<>();
        said.add(ops.toString());
        said.add(fresh.toString());
        said.add(catchThrowableOfType(() -> ops.mint("scanned-missing"), RgwAdminException.class).getMessage());
        try (RgwAdminOps wrong = connect(Credential.of(old.accessKeyId(), fresh.secret().reveal()))) {
            said.add(catchThrowableOfType(() -> wrong.keys("scanned"), RgwAdminException.class).getMessage());
            said.add(wrong.toString());
        }
        ops.revoke("scanned", old.accessKeyId());

        assertThat(said).isNotEmpty().allSatisfy(text -> assertThat(text)
                .doesNotContain(old.secret().reveal(), fresh.secret().reveal(), admin.secret().reveal())
                .doesNotContain(old.accessKeyId(), fresh.accessKeyId(), admin.accessKeyId()));
        assertThat(Set.copyOf(ops.keys("scanned"))).containsExactly(fresh);
    }

    private static RgwAdminOps connect(Credential credential) {
        return RgwAdminOps.connect(rgw.endpoint(), credential, ProbeTls.systemTrust(), null, TIMEOUT,
                Clock.systemUTC());
    }
}
