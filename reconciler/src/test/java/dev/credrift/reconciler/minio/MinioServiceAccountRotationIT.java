package dev.credrift.reconciler.minio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.events.credential.Credential;
import dev.credrift.reconciler.minio.MinioAdmin.Deleted;
import dev.credrift.reconciler.minio.MinioAdmin.Ensured;
import dev.credrift.reconciler.probe.MinioStoreProbe;
import dev.credrift.reconciler.probe.ProbeTarget;
import dev.credrift.reconciler.probe.ProbeVerdict;
import dev.credrift.reconciler.probe.ProbeVerdict.Accepted;
import dev.credrift.reconciler.probe.ProbeVerdict.Rejected;
import dev.credrift.reconciler.probe.tls.ProbeTls;
import dev.credrift.sandbox.minio.AdminCall;
import dev.credrift.sandbox.minio.MinioStandIn;
import dev.credrift.sandbox.s3.S3StoreStandIn;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rotation of a MinIO service account (issue 17) over real HTTP against the sandbox's MinIO stand-in, with
 * minio-admin's own client: add the new account next to the old one (both accepted), delete the old one (refused
 * with {@code InvalidAccessKeyId} on the very next request), and do both idempotently.
 */
class MinioServiceAccountRotationIT {

    private static final String BUCKET = "tempo-traces";
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final SecureRandom random = new SecureRandom();
    private S3StoreStandIn store;
    private MinioStandIn minio;
    private MinioStoreProbe probe;
    private MinioAdmin admin;

    @BeforeEach
    void start() {
        store = S3StoreStandIn.startHttp();
        store.createBucket(BUCKET);
        minio = MinioStandIn.start(store, MinioStandIn.generatedRoot("minio-root"));
        probe = new MinioStoreProbe();
        admin = MinioAdmin.connect(minio.endpoint(), minio.root(), ProbeTls.systemTrust(), null, TIMEOUT);
    }

    @AfterEach
    void stop() {
        admin.close();
        probe.close();
        minio.close();
        store.close();
    }

    @Test
    void shouldAcceptBothAccountsDuringOverlapAndRefuseOnlyTheOldOneWhenItIsDeleted() {
        Credential old = MinioAdmin.newServiceAccountKey(random);
        admin.ensure(old, Optional.empty());

        Credential fresh = MinioAdmin.newServiceAccountKey(random);
        Ensured added = admin.ensure(fresh, Optional.of("readwrite"));
        ProbeVerdict oldDuringOverlap = probe(old);
        ProbeVerdict freshDuringOverlap = probe(fresh);
        Deleted deleted = admin.delete(old.accessKeyId());

        assertThat(added).isEqualTo(Ensured.CREATED);
        assertThat(oldDuringOverlap).isEqualTo(new Accepted(false));
        assertThat(freshDuringOverlap).isEqualTo(new Accepted(false));
        assertThat(deleted).isEqualTo(Deleted.DELETED);
        assertThat(probe(old))
                .isEqualTo(new Rejected(Rejected.Reason.INVALID_ACCESS_KEY_ID, "InvalidAccessKeyId", 403, false));
        assertThat(probe(fresh)).isEqualTo(new Accepted(false));
        assertThat(minio.serviceAccounts()).extracting(MinioStandIn.ServiceAccount::accessKey)
                .containsExactly(fresh.accessKeyId());
    }

    @Test
    void shouldListAndDoNothingWhenTheOldAccountWasDeletedBefore() {
        Credential old = MinioAdmin.newServiceAccountKey(random);
        admin.ensure(old, Optional.empty());
        admin.delete(old.accessKeyId());
        int callsBefore = minio.calls().size();

        Deleted again = admin.delete(old.accessKeyId());

        assertThat(again).isEqualTo(Deleted.ALREADY_ABSENT);
        assertThat(minio.calls().subList(callsBefore, minio.calls().size())).extracting(AdminCall::operation)
                .containsExactly("list-service-accounts");
    }

    @Test
    void shouldNotAddASecondAccountWhenTheMintedKeyIsAlreadyListedOnResume() {
        Credential fresh = MinioAdmin.newServiceAccountKey(random);
        admin.ensure(fresh, Optional.empty());

        // a crash after the add and before the journal's "minted" record: the resumed run ensures the same key
        Ensured resumed = admin.ensure(fresh, Optional.empty());

        assertThat(resumed).isEqualTo(Ensured.ALREADY_LISTED);
        assertThat(minio.serviceAccounts()).hasSize(1);
    }

    @Test
    void shouldMintMinioShapedKeysThatNeverRepeatAndNeverShowTheSecret() {
        List<Credential> minted = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            minted.add(MinioAdmin.newServiceAccountKey(random));
        }

        assertThat(minted).allSatisfy(key -> {
            assertThat(key.accessKeyId()).matches("[A-Z0-9]{20}");
            assertThat(key.secret().reveal()).matches("[A-Za-z0-9_-]{40}");
            assertThat(key.toString()).doesNotContain(key.secret().reveal(), key.accessKeyId());
        });
        assertThat(minted).extracting(Credential::accessKeyId).doesNotHaveDuplicates();
    }

    private ProbeVerdict probe(Credential credential) {
        return probe.probe(ProbeTarget.of(store.endpoint().toString(), BUCKET), credential);
    }
}
