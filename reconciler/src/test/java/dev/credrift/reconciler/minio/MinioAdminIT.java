package dev.credrift.reconciler.minio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.credrift.events.credential.Credential;
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
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
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
 * checks of signatures and encrypted bodies.
 */
class MinioAdminIT {

    private static final String BUCKET = "tempo-traces";
    private static final Credential TEMPO = Credential.of("tempo", "supersecret");
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

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
        assertThat(minio.calls()).extracting(AdminCall::operation)
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
        assertThat(probe(TEMPO)).isInstanceOfSatisfying(ProbeVerdict.Rejected.class, r ->
                assertThat(r.code()).isEqualTo("SignatureDoesNotMatch"));
    }

    @Test
    void shouldAttachTheCannedPolicyWhenOneIsNamed() {
        try (MinioAdmin admin = admin(minio.root())) {
            assertThat(admin.ensure(TEMPO, Optional.of("readwrite"))).isEqualTo(Ensured.CREATED);
        }

        assertThat(minio.serviceAccounts()).singleElement().satisfies(a -> assertThat(a.inlinePolicy()).isTrue());
        assertThat(minio.calls()).extracting(AdminCall::operation)
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
                        assertThat(e.getMessage()).contains(minio.endpoint().toString())
                                .contains("adminSecretRef").doesNotContain(wrong.secret().reveal())
                                .doesNotContain(minio.root().secret().reveal()).doesNotContain("supersecret");
                    });
        }
        assertThat(minio.serviceAccounts()).isEmpty();
    }

    @Test
    void shouldFailTypedWhenTheAdminUserIsUnknown() {
        try (MinioAdmin admin = admin(Credential.of("not-root", minio.root().secret().reveal()))) {
            assertThatThrownBy(() -> admin.ensure(TEMPO, Optional.empty()))
                    .isInstanceOfSatisfying(MinioAdminException.class, e -> {
                        assertThat(e.kind()).isEqualTo(Kind.ADMIN_CREDENTIAL_REJECTED);
                        assertThat(e.code()).isEqualTo("InvalidAccessKeyId");
                        assertThat(e.getMessage()).doesNotContain(minio.root().secret().reveal());
                    });
        }
    }

    @Test
    void shouldBeUnreachableAndRetryableWhenNothingListens() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (MinioAdmin admin = MinioAdmin.connect(URI.create("http://127.0.0.1:" + port), minio.root(),
                ProbeTls.systemTrust(), null, Duration.ofSeconds(2))) {
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

        try (Response garbage = signedPut("add-service-account", "not encrypted at all".getBytes(
                StandardCharsets.UTF_8), minio.root())) {
            assertThat(garbage.code()).isEqualTo(400);
            assertThat(garbage.body().string()).contains("XMinioAdminConfigBadJSON");
        }
        try (Response otherKey = signedPut("add-service-account", Crypto.encrypt(json, "some-other-secret"),
                minio.root())) {
            assertThat(otherKey.code()).isEqualTo(400);
            assertThat(otherKey.body().string()).contains("XMinioAdminConfigBadJSON");
        }
        try (Response truncated = signedPut("add-service-account",
                java.util.Arrays.copyOf(Crypto.encrypt(json, minio.root().secret().reveal()), 40), minio.root())) {
            assertThat(truncated.code()).isEqualTo(400);
        }
        assertThat(minio.serviceAccounts()).isEmpty();
        assertThat(probe(TEMPO)).isInstanceOf(ProbeVerdict.Rejected.class);
    }

    @Test
    void shouldRejectUnsignedAndTamperedRequests() throws Exception {
        OkHttpClient http = new OkHttpClient();
        try (Response unsigned = http.newCall(new Request.Builder()
                .url(minio.endpoint() + "/minio/admin/v3/list-service-accounts?user=minio-root").build()).execute()) {
            assertThat(unsigned.code()).isEqualTo(403);
            assertThat(unsigned.body().string()).contains("AccessDenied");
        }
        byte[] body = Crypto.encrypt("{\"accessKey\":\"tempo\",\"secretKey\":\"supersecret\"}"
                .getBytes(StandardCharsets.UTF_8), minio.root().secret().reveal());
        Request signed = sign(put("add-service-account", body), body, minio.root());
        // the body changed after signing: the payload hash no longer matches
        Request tampered = signed.newBuilder().put(RequestBody.create(Crypto.encrypt(
                "{\"accessKey\":\"other\",\"secretKey\":\"supersecret\"}".getBytes(StandardCharsets.UTF_8),
                minio.root().secret().reveal()), MediaType.get("application/octet-stream"))).build();
        try (Response response = http.newCall(tampered).execute()) {
            assertThat(response.code()).isEqualTo(400);
            assertThat(response.body().string()).contains("XAmzContentSHA256Mismatch");
        }
        assertThat(minio.serviceAccounts()).isEmpty();
        http.connectionPool().evictAll();
    }

    private MinioAdmin admin(Credential credential) {
        return MinioAdmin.connect(minio.endpoint(), credential, ProbeTls.systemTrust(), null, TIMEOUT);
    }

    private ProbeVerdict probe(Credential credential) {
        return probe.probe(ProbeTarget.of(store.endpoint().toString(), BUCKET), credential);
    }

    private Response signedPut(String operation, byte[] body, Credential signer) throws Exception {
        return new OkHttpClient().newCall(sign(put(operation, body), body, signer)).execute();
    }

    private Request put(String operation, byte[] body) {
        return new Request.Builder().url(minio.endpoint() + "/minio/admin/v3/" + operation)
                .put(RequestBody.create(body, MediaType.get("application/octet-stream"))).build();
    }

    private static Request sign(Request request, byte[] body, Credential signer) throws Exception {
        String sha = Digest.sha256Hash(body, body.length);
        Request dated = request.newBuilder()
                .header("Host", request.url().host() + ":" + request.url().port())
                .header("x-amz-date", ZonedDateTime.now(ZoneOffset.UTC)
                        .format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")))
                .header("x-amz-content-sha256", sha)
                .build();
        return Signer.signV4S3(dated, "us-east-1", signer.accessKeyId(), signer.secret().reveal(), sha);
    }
}
