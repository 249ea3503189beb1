package dev.credrift.sandbox.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.credrift.events.credential.Credential;
import dev.credrift.sandbox.emulate.probe.S3ListProbe;
import dev.credrift.sandbox.emulate.probe.StoreTrust;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The 403s the S3 stand-in counts per user, through real signed requests (minio-java and the consumers' probe). */
class StoreRefusalCountIT {

    private static final String BUCKET = "tempo-traces";
    private S3StoreStandIn store;

    @BeforeEach
    void startStore() {
        store = S3StoreStandIn.startHttp();
        store.createBucket(BUCKET);
    }

    @AfterEach
    void stopStore() {
        store.close();
    }

    @Test
    void shouldCountNothingWhenEveryRequestIsAccepted() throws Exception {
        Credential key = store.addUser("tempo");

        assertThat(MinioProbe.list(store.endpoint(), key, BUCKET)).isEqualTo(MinioProbe.OK);
        assertThat(consumerProbe().probe(key, BUCKET).accepted()).isTrue();

        assertThat(store.refusedRequests("tempo")).isEqualTo(RefusalCount.NONE);
        assertThat(store.refusedRequests()).isEqualTo(RefusalCount.NONE);
    }

    @Test
    void shouldCountEachRefusalAgainstTheUserWhoseKeyItNamed() throws Exception {
        Credential key = store.addUser("tempo");
        store.addUser("other");

        assertThat(MinioProbe.list(store.endpoint(), Credential.of(key.accessKeyId(), "not-the-secret"), BUCKET))
                .isEqualTo("SignatureDoesNotMatch");
        store.restrictBuckets("tempo", Set.of("elsewhere"));
        assertThat(MinioProbe.list(store.endpoint(), key, BUCKET)).isEqualTo("AccessDenied");
        store.allowAllBuckets("tempo");
        store.suspend("tempo");
        assertThat(MinioProbe.list(store.endpoint(), key, BUCKET)).isEqualTo("UserSuspended");

        counted(() -> store.refusedRequests("tempo"), new RefusalCount(3, 0));
        assertThat(store.refusedRequests("other")).isEqualTo(RefusalCount.NONE);
    }

    @Test
    void shouldCountAgainstTheFormerOwnerWhenTheKeyWasRevokedOrRotatedAway() throws Exception {
        Credential old = store.addUser("tempo");
        Credential overlap = store.addKey("tempo");
        assertThat(store.removeKey(old.accessKeyId())).isTrue();

        assertThat(MinioProbe.list(store.endpoint(), old, BUCKET)).isEqualTo("InvalidAccessKeyId");
        assertThat(MinioProbe.list(store.endpoint(), overlap, BUCKET)).isEqualTo(MinioProbe.OK);
        store.rotate("tempo");
        assertThat(consumerProbe().probe(overlap, BUCKET).accepted()).isFalse();

        counted(() -> store.refusedRequests("tempo"), new RefusalCount(2, 1));
    }

    @Test
    void shouldCountKeysNeverKnownOnlyInTheTotalWhenNoUserHeldThem() throws Exception {
        store.addUser("tempo");

        assertThat(consumerProbe()
                        .probe(Credential.of("AKIAUNKNOWNKEY000000", "whatever"), BUCKET)
                        .accepted())
                .isFalse();
        assertThat(MinioProbe.list(store.endpoint(), Credential.of("AKIAUNKNOWNKEY000001", "whatever"), BUCKET))
                .isEqualTo("InvalidAccessKeyId");

        assertThat(store.refusedRequests("tempo")).isEqualTo(RefusalCount.NONE);
        counted(store::refusedRequests, new RefusalCount(2, 1));
    }

    private S3ListProbe consumerProbe() {
        return new S3ListProbe(store.endpoint(), StoreTrust.jvmDefault(), Clock.systemUTC(), Duration.ofSeconds(5));
    }

    // a refusal is counted when its exchange completes, which may be a moment after the client has read the answer
    private static void counted(Supplier<RefusalCount> count, RefusalCount expected) {
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(count.get()).isEqualTo(expected));
    }
}
