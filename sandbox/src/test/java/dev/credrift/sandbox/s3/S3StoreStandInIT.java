package dev.credrift.sandbox.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.credrift.events.credential.Credential;
import dev.credrift.sandbox.tls.ServerCertificate;
import dev.credrift.sandbox.tls.TestPki;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateExpiredException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class S3StoreStandInIT {

    private static final String BUCKET = "loki-chunks";
    private static S3StoreStandIn store;

    @BeforeAll
    static void startStore() {
        store = S3StoreStandIn.startHttp();
        store.createBucket(BUCKET);
    }

    @AfterAll
    static void stopStore() {
        store.close();
    }

    @Test
    void shouldAcceptKeyWhenUserIsKnown() throws Exception {
        Credential key = store.addUser("accepted");

        assertThat(MinioProbe.list(store.endpoint(), key, BUCKET)).isEqualTo(MinioProbe.OK);
    }

    @Test
    void shouldAcceptExactKeysWhenGivenLikeAMinioServiceAccount() throws Exception {
        store.addUser("tempo", "tempo", "supersecret");

        assertThat(MinioProbe.list(store.endpoint(), Credential.of("tempo", "supersecret"), BUCKET))
                .isEqualTo(MinioProbe.OK);
    }

    @Test
    void shouldAnswerInvalidAccessKeyIdWhenKeyIsUnknown() throws Exception {
        assertThat(MinioProbe.list(store.endpoint(), Credential.of("AKIAUNKNOWNKEY000000", "whatever"), BUCKET))
                .isEqualTo("InvalidAccessKeyId");
    }

    @Test
    void shouldAnswerSignatureDoesNotMatchWhenSecretIsWrong() throws Exception {
        Credential key = store.addUser("wrong-secret");

        assertThat(MinioProbe.list(store.endpoint(), Credential.of(key.accessKeyId(), "not-the-secret"), BUCKET))
                .isEqualTo("SignatureDoesNotMatch");
    }

    @Test
    void shouldAnswerUserSuspendedWhenUserIsSuspendedAndAcceptAgainWhenResumed() throws Exception {
        Credential key = store.addUser("suspended");

        store.suspend("suspended");
        String whileSuspended = MinioProbe.list(store.endpoint(), key, BUCKET);
        store.resume("suspended");

        assertThat(whileSuspended).isEqualTo("UserSuspended");
        assertThat(MinioProbe.list(store.endpoint(), key, BUCKET)).isEqualTo(MinioProbe.OK);
    }

    @Test
    void shouldCheckSignatureBeforeSuspensionWhenSecretIsWrong() throws Exception {
        Credential key = store.addUser("suspended-wrong-secret");
        store.suspend("suspended-wrong-secret");

        assertThat(MinioProbe.list(store.endpoint(), Credential.of(key.accessKeyId(), "nope"), BUCKET))
                .isEqualTo("SignatureDoesNotMatch");
    }

    @Test
    void shouldAnswerNoSuchBucketWhenBucketDoesNotExist() throws Exception {
        Credential key = store.addUser("no-bucket");

        assertThat(MinioProbe.list(store.endpoint(), key, "never-created")).isEqualTo("NoSuchBucket");
    }

    @Test
    void shouldAnswerAccessDeniedWhenBucketIsOutsideUsersPermission() throws Exception {
        Credential key = store.addUser("restricted");
        store.createBucket("tempo-traces");
        store.restrictBuckets("restricted", Set.of("tempo-traces"));

        assertThat(MinioProbe.list(store.endpoint(), key, BUCKET)).isEqualTo("AccessDenied");
        assertThat(MinioProbe.list(store.endpoint(), key, "tempo-traces")).isEqualTo(MinioProbe.OK);
    }

    @Test
    void shouldRejectOldKeyOnNextRequestWhenUserIsRotated() throws Exception {
        Credential old = store.addUser("rotated");
        assertThat(MinioProbe.list(store.endpoint(), old, BUCKET)).isEqualTo(MinioProbe.OK);

        Credential fresh = store.rotate("rotated");

        assertThat(MinioProbe.list(store.endpoint(), old, BUCKET)).isEqualTo("InvalidAccessKeyId");
        assertThat(MinioProbe.list(store.endpoint(), fresh, BUCKET)).isEqualTo(MinioProbe.OK);
        assertThat(store.keys("rotated")).containsExactly(fresh);
    }

    @Test
    void shouldAcceptBothKeysWhenKeyIsAddedAndRejectRemovedKeyAtOnce() throws Exception {
        Credential first = store.addUser("overlap");
        Credential second = store.addKey("overlap");

        assertThat(MinioProbe.list(store.endpoint(), first, BUCKET)).isEqualTo(MinioProbe.OK);
        assertThat(MinioProbe.list(store.endpoint(), second, BUCKET)).isEqualTo(MinioProbe.OK);
        assertThat(store.keys("overlap")).extracting(Credential::accessKeyId).isSorted();

        assertThat(store.removeKey(first.accessKeyId())).isTrue();
        assertThat(MinioProbe.list(store.endpoint(), first, BUCKET)).isEqualTo("InvalidAccessKeyId");
        assertThat(MinioProbe.list(store.endpoint(), second, BUCKET)).isEqualTo(MinioProbe.OK);
    }

    @Test
    void shouldRecordListingAsGetOperationWhenUserListsBucket() throws Exception {
        Credential key = store.addUser("recorded");
        store.putObject(BUCKET, "index/one", "x".getBytes(StandardCharsets.UTF_8));

        MinioProbe.list(store.endpoint(), key, BUCKET);

        assertThat(store.calls())
                .filteredOn(call -> call.user().equals("recorded"))
                .extracting(StoreCall::operation, StoreCall::bucket, StoreCall::refusedWith)
                .contains(tuple("list", BUCKET, null))
                .noneMatch(tuple -> "headBucket".equals(tuple.toList().get(0)));
    }

    @Test
    void shouldRefuseDuplicateAccessKeyWithoutShowingIt() {
        Credential key = store.addUser("first-owner");

        assertThatThrownBy(() -> store.addUser("second-owner", key))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(key.accessKeyId())
                .hasMessageNotContaining(key.secret().reveal());
    }

    @Test
    void shouldServeHttpsAndPresentReplacementCertificateOnSamePortWhenCertificateIsReplaced() throws Exception {
        TestPki ca = TestPki.newCa("storage-ca");
        ServerCertificate valid = ca.serverCertificate("localhost", "127.0.0.1");
        try (S3StoreStandIn tls = S3StoreStandIn.startHttps(valid)) {
            tls.createBucket(BUCKET);
            Credential key = tls.addUser("loki");
            int port = tls.port();
            assertThat(tls.endpoint().getScheme()).isEqualTo("https");
            assertThat(MinioProbe.list(tls.endpoint(), key, BUCKET, ca.caCertificate()))
                    .isEqualTo(MinioProbe.OK);

            tls.replaceCertificate(ca.expiredServerCertificate("localhost", "127.0.0.1"));

            assertThat(tls.port()).isEqualTo(port);
            assertThatThrownBy(() -> MinioProbe.list(tls.endpoint(), key, BUCKET, ca.caCertificate()))
                    .hasRootCauseInstanceOf(CertificateExpiredException.class)
                    .satisfies(e -> assertThat(causes(e)).hasAtLeastOneElementOfType(SSLHandshakeException.class));

            tls.replaceCertificate(valid);
            assertThat(MinioProbe.list(tls.endpoint(), key, BUCKET, ca.caCertificate()))
                    .isEqualTo(MinioProbe.OK);
        }
    }

    private static List<Throwable> causes(Throwable e) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = e; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
