package dev.credrift.reconciler.minio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.credrift.events.credential.Credential;
import dev.credrift.reconciler.minio.MinioAdmin.Deleted;
import dev.credrift.reconciler.minio.MinioAdmin.Ensured;
import dev.credrift.reconciler.minio.MinioAdminException.Kind;
import dev.credrift.reconciler.probe.MinioStoreProbe;
import dev.credrift.reconciler.probe.ProbeTarget;
import dev.credrift.reconciler.probe.ProbeVerdict;
import dev.credrift.reconciler.probe.tls.ProbeTls;
import dev.credrift.sandbox.minio.AdminCall;
import dev.credrift.sandbox.minio.MinioStandIn;
import dev.credrift.sandbox.s3.S3StoreStandIn;
import io.minio.Digest;
import io.minio.Signer;
import io.minio.admin.Crypto;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The MinIO admin client over real HTTP against the sandbox's MinIO stand-in, with minio-admin's own client: list
 * first, add with exactly the given keys, never overwrite, typed errors without secrets; and the stand-in's own
 * checks of signatures and encrypted bodies; and service-account rotation (issue 17): the new account next to the old
 * one, then the old one deleted and refused.
 */
class MinioAdminIT {

    private static final String BUCKET = "tempo-traces";
    private static final Credential TEMPO = Credential.of("tempo", "supersecret");
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final SecureRandom RANDOM = new SecureRandom();

    private S3StoreStandIn store;
    private MinioStandIn minio;
    private MinioStoreProbe probe;

    @BeforeEach
    void start() {
        store = S3StoreStandIn.startHttp();
        store.createBucket(BUCKET);
        minio = MinioStandIn.start(store, MinioStandIn.generatedRoot("minio-root"));
        probe = new MinioStoreProbe();
    }

    @AfterEach
    void stop() {
        probe.close();
        minio.close();
        store.close();
    }

    @Test
    void shouldListThenAddWithExactlyTheseKeysWhenTheAccountIsMissing() {
        assertThat(probe(TEMPO)).isInstanceOf(ProbeVerdict.Rejected.class);

        Ensured ensured;
        try (MinioAdmin admin = admin(minio.root())) {
            ensured = admin.ensure(TEMPO, Optional.empty());
        }

        assertThat(ensured).isEqualTo(Ensured.CREATED);
        assertThat(minio.calls())
                .extracting(AdminCall::operation)
                .containsExactly("list-service-accounts", "add-service-account");
        assertThat(minio.calls()).extracting(AdminCall::status).containsOnly(200);
        assertThat(minio.serviceAccounts()).singleElement().satisfies(a -> {
            assertThat(a.accessKey()).isEqualTo("tempo");
            assertThat(a.parentUser()).isEqualTo("minio-root");
            assertThat(a.inlinePolicy()).isFalse();
        });
        assertThat(probe(TEMPO)).isInstanceOf(ProbeVerdict.Accepted.class);
    }

    @Test
    void shouldAddNothingWhenTheAccountIsListedAlready() {
        minio.addServiceAccount(TEMPO);

        Ensured ensured;
        try (MinioAdmin admin = admin(minio.root())) {
            ensured = admin.ensure(TEMPO, Optional.empty());
        }

        assertThat(ensured).isEqualTo(Ensured.ALREADY_LISTED);
        assertThat(minio.calls()).extracting(AdminCall::operation).containsExactly("list-service-accounts");
    }

    @Test
    void shouldNotOverwriteTheSecretWhenTheAccountIsListedWithAnotherOne() {
        minio.addServiceAccount(Credential.of("tempo", "another-secret"));

        Ensured ensured;
        try (MinioAdmin admin = admin(minio.root())) {
            ensured = admin.ensure(TEMPO, Optional.empty());
        }

        assertThat(ensured).isEqualTo(Ensured.ALREADY_LISTED);
        assertThat(minio.calls()).extracting(AdminCall::operation).doesNotContain("add-service-account");
        assertThat(probe(TEMPO))
                .isInstanceOfSatisfying(
                        ProbeVerdict.Rejected.class, r -> assertThat(r.code()).isEqualTo("SignatureDoesNotMatch"));
    }

    @Test
    void shouldAttachTheCannedPolicyWhenOneIsNamed() {
        try (MinioAdmin admin = admin(minio.root())) {
            assertThat(admin.ensure(TEMPO, Optional.of("readwrite"))).isEqualTo(Ensured.CREATED);
        }

        assertThat(minio.serviceAccounts())
                .singleElement()
                .satisfies(a -> assertThat(a.inlinePolicy()).isTrue());
        assertThat(minio.calls())
                .extracting(AdminCall::operation)
                .containsExactly("list-service-accounts", "list-canned-policies", "add-service-account");
    }

    @Test
    void shouldFailTypedWithoutAddingWhenThePolicyIsUnknown() {
        try (MinioAdmin admin = admin(minio.root())) {
            assertThatThrownBy(() -> admin.ensure(TEMPO, Optional.of("no-such-policy")))
                    .isInstanceOfSatisfying(MinioAdminException.class, e -> {
                        assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_POLICY);
                        assertThat(e.getMessage()).contains("no-such-policy").contains("spec.source.minio.policy");
                    });
        }
        assertThat(minio.serviceAccounts()).isEmpty();
    }

    @Test
    void shouldFailTypedWithoutTheSecretWhenTheAdminPasswordIsWrong() {
        Credential wrong = Credential.of("minio-root", "not-the-root-password-1");

        try (MinioAdmin admin = admin(wrong)) {
            assertThatThrownBy(() -> admin.ensure(TEMPO, Optional.empty()))
                    .isInstanceOfSatisfying(MinioAdminException.class, e -> {
                        assertThat(e.kind()).isEqualTo(Kind.ADMIN_CREDENTIAL_REJECTED);
                        assertThat(e.code()).isEqualTo("SignatureDoesNotMatch");
                        assertThat(e.retryable()).isFalse();
                        assertThat(e.getMessage())
                                .contains(minio.endpoint().toString())
                                .contains("adminSecretRef")
                                .doesNotContain(wrong.secret().reveal())
                                .doesNotContain(minio.root().secret().reveal())
                                .doesNotContain("supersecret");
                    });
        }
        assertThat(minio.serviceAccounts()).isEmpty();
    }

    @Test
    void shouldFailTypedWhenTheAdminUserIsUnknown() {
        try (MinioAdmin admin =
                admin(Credential.of("not-root", minio.root().secret().reveal()))) {
            assertThatThrownBy(() -> admin.ensure(TEMPO, Optional.empty()))
                    .isInstanceOfSatisfying(MinioAdminException.class, e -> {
                        assertThat(e.kind()).isEqualTo(Kind.ADMIN_CREDENTIAL_REJECTED);
                        assertThat(e.code()).isEqualTo("InvalidAccessKeyId");
                        assertThat(e.getMessage())
                                .doesNotContain(minio.root().secret().reveal());
                    });
        }
    }

    @Test
    void shouldBeUnreachableAndRetryableWhenNothingListens() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (MinioAdmin admin = MinioAdmin.connect(
                URI.create("http://127.0.0.1:" + port),
                minio.root(),
                ProbeTls.systemTrust(),
                null,
                Duration.ofSeconds(2))) {
            assertThatThrownBy(() -> admin.ensure(TEMPO, Optional.empty()))
                    .isInstanceOfSatisfying(MinioAdminException.class, e -> {
                        assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE);
                        assertThat(e.retryable()).isTrue();
                    });
        }
    }

    @Test
    void shouldRejectAnEncryptedBodyThatDoesNotDecryptWithTheRootSecret() throws Exception {
        byte[] json = "{\"accessKey\":\"tempo\",\"secretKey\":\"supersecret\"}".getBytes(StandardCharsets.UTF_8);

        try (Response garbage = signedPut(
                "add-service-account", "not encrypted at all".getBytes(StandardCharsets.UTF_8), minio.root())) {
            assertThat(garbage.code()).isEqualTo(400);
            assertThat(garbage.body().string()).contains("XMinioAdminConfigBadJSON");
        }
        try (Response otherKey =
                signedPut("add-service-account", Crypto.encrypt(json, "some-other-secret"), minio.root())) {
            assertThat(otherKey.code()).isEqualTo(400);
            assertThat(otherKey.body().string()).contains("XMinioAdminConfigBadJSON");
        }
        try (Response truncated = signedPut(
                "add-service-account",
                java.util.Arrays.copyOf(
                        Crypto.encrypt(json, minio.root().secret().reveal()), 40),
                minio.root())) {
            assertThat(truncated.code()).isEqualTo(400);
        }
        assertThat(minio.serviceAccounts()).isEmpty();
        assertThat(probe(TEMPO)).isInstanceOf(ProbeVerdict.Rejected.class);
    }

    @Test
    void shouldGenerateBothKeysLikeMinioWhenTheAddNamesNone() throws Exception {
        byte[] body = Crypto.encrypt(
                "{}".getBytes(StandardCharsets.UTF_8), minio.root().secret().reveal());

        try (Response response = signedPut("add-service-account", body, minio.root())) {
            assertThat(response.code()).isEqualTo(200);
        }

        assertThat(minio.serviceAccounts())
                .singleElement()
                .satisfies(a -> assertThat(a.accessKey()).matches("[A-Z0-9]{20}"));
        assertThat(store.keys(minio.serviceAccounts().get(0).accessKey()))
                .singleElement()
                .satisfies(k -> assertThat(k.secret().reveal()).hasSize(40));
    }

    @Test
    void shouldRejectUnsignedAndTamperedRequests() throws Exception {
        OkHttpClient http = new OkHttpClient();
        try (Response unsigned = http.newCall(new Request.Builder()
                        .url(minio.endpoint() + "/minio/admin/v3/list-service-accounts?user=minio-root")
                        .build())
                .execute()) {
            assertThat(unsigned.code()).isEqualTo(403);
            assertThat(unsigned.body().string()).contains("AccessDenied");
        }
        byte[] body = Crypto.encrypt(
                "{\"accessKey\":\"tempo\",\"secretKey\":\"supersecret\"}".getBytes(StandardCharsets.UTF_8),
                minio.root().secret().reveal());
        Request signed = sign(put("add-service-account", body), body, minio.root());
        // the body changed after signing: the payload hash no longer matches
        Request tampered = signed.newBuilder()
                .put(RequestBody.create(
                        Crypto.encrypt(
                                "{\"accessKey\":\"other\",\"secretKey\":\"supersecret\"}"
                                        .getBytes(StandardCharsets.UTF_8),
                                minio.root().secret().reveal()),
                        MediaType.get("application/octet-stream")))
                .build();
        try (Response response = http.newCall(tampered).execute()) {
            assertThat(response.code()).isEqualTo(400);
            assertThat(response.body().string()).contains("XAmzContentSHA256Mismatch");
        }
        assertThat(minio.serviceAccounts()).isEmpty();
        http.connectionPool().evictAll();
    }

    // ---- rotation (issue 17): add the new account next to the old one, then delete the old one ------------

    @Test
    void shouldAcceptBothAccountsDuringOverlapAndRefuseOnlyTheOldOneWhenItIsDeleted() {
        Credential old = MinioAdmin.newServiceAccountKey(RANDOM);
        Credential fresh = MinioAdmin.newServiceAccountKey(RANDOM);
        Ensured added;
        ProbeVerdict oldDuringOverlap;
        ProbeVerdict freshDuringOverlap;
        Deleted deleted;
        try (MinioAdmin admin = admin(minio.root())) {
            admin.ensure(old, Optional.empty());
            added = admin.ensure(fresh, Optional.of("readwrite"));
            oldDuringOverlap = probe(old);
            freshDuringOverlap = probe(fresh);
            deleted = admin.delete(old.accessKeyId());
        }

        assertThat(added).isEqualTo(Ensured.CREATED);
        assertThat(oldDuringOverlap).isEqualTo(new ProbeVerdict.Accepted(false));
        assertThat(freshDuringOverlap).isEqualTo(new ProbeVerdict.Accepted(false));
        assertThat(deleted).isEqualTo(Deleted.DELETED);
        assertThat(probe(old))
                .isEqualTo(new ProbeVerdict.Rejected(
                        ProbeVerdict.Rejected.Reason.INVALID_ACCESS_KEY_ID, "InvalidAccessKeyId", 403, false));
        assertThat(probe(fresh)).isEqualTo(new ProbeVerdict.Accepted(false));
        assertThat(minio.serviceAccounts())
                .extracting(MinioStandIn.ServiceAccount::accessKey)
                .containsExactly(fresh.accessKeyId());
    }

    @Test
    void shouldOnlyListWhenTheOldAccountWasDeletedBefore() {
        Credential old = MinioAdmin.newServiceAccountKey(RANDOM);
        Deleted again;
        try (MinioAdmin admin = admin(minio.root())) {
            admin.ensure(old, Optional.empty());
            admin.delete(old.accessKeyId());
            again = admin.delete(old.accessKeyId());
        }

        assertThat(again).isEqualTo(Deleted.ALREADY_ABSENT);
        // the stand-in records a call after answering it: wait for the last record
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(minio.calls())
                        .extracting(AdminCall::operation)
                        .containsExactlyInAnyOrder(
                                "list-service-accounts",
                                "add-service-account",
                                "list-service-accounts",
                                "delete-service-account",
                                "list-service-accounts"));
    }

    @Test
    void shouldMintMinioShapedKeysThatNeverRepeatAndNeverShowTheSecret() {
        List<Credential> minted = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            minted.add(MinioAdmin.newServiceAccountKey(RANDOM));
        }

        assertThat(minted).allSatisfy(key -> {
            assertThat(key.accessKeyId()).matches("[A-Z0-9]{20}");
            assertThat(key.secret().reveal()).matches("[A-Za-z0-9_-]{40}");
            assertThat(key.toString()).doesNotContain(key.secret().reveal(), key.accessKeyId());
        });
        assertThat(minted).extracting(Credential::accessKeyId).doesNotHaveDuplicates();
    }

    private MinioAdmin admin(Credential credential) {
        return MinioAdmin.connect(minio.endpoint(), credential, ProbeTls.systemTrust(), null, TIMEOUT);
    }

    private ProbeVerdict probe(Credential credential) {
        return probe.probe(ProbeTarget.of(store.endpoint().toString(), BUCKET), credential);
    }

    private Response signedPut(String operation, byte[] body, Credential signer) throws Exception {
        return new OkHttpClient()
                .newCall(sign(put(operation, body), body, signer))
                .execute();
    }

    private Request put(String operation, byte[] body) {
        return new Request.Builder()
                .url(minio.endpoint() + "/minio/admin/v3/" + operation)
                .put(RequestBody.create(body, MediaType.get("application/octet-stream")))
                .build();
    }

    private static Request sign(Request request, byte[] body, Credential signer) throws Exception {
        String sha = Digest.sha256Hash(body, body.length);
        Request dated = request.newBuilder()
                .header("Host", request.url().host() + ":" + request.url().port())
                .header(
                        "x-amz-date",
                        ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")))
                .header("x-amz-content-sha256", sha)
                .build();
        return Signer.signV4S3(
                dated, "us-east-1", signer.accessKeyId(), signer.secret().reveal(), sha);
    }
}
