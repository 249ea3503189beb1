package dev.credrift.sandbox.sts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.credrift.events.credential.SecretValue;
import dev.credrift.sandbox.kube.MockKubernetes;
import dev.credrift.sandbox.s3.S3StoreStandIn;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.Item;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Both STS stand-ins on the wire, their temporary keys against the S3 stand-in, and the emulated TokenRequest API. */
class StsStandInsIT {

    private static final String ISSUER = "https://oidc.sandbox.credrift.dev/id/test";
    private static final String AWS_PROVIDER =
            "arn:aws:iam::111122223333:oidc-provider/oidc.sandbox.credrift.dev/id/test";
    private static final String AWS_ROLE = "arn:aws:iam::111122223333:role/tempo";
    private static final String ALI_PROVIDER = "acs:ram::1234567890123456:oidc-provider/ack-rrsa";
    private static final String ALI_ROLE = "acs:ram::1234567890123456:role/loki";
    private static final String SUB = "system:serviceaccount:tracing:tempo";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Clock CLOCK = Clock.systemUTC();
    private static S3StoreStandIn store;
    private static OidcIssuer issuer;
    private static StsDirectory directory;
    private static StsDirectory alibabaDirectory;
    private static AwsStsStandIn aws;
    private static AlibabaStsStandIn alibaba;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        store = S3StoreStandIn.startHttp();
        store.addUser("tempo-role");
        store.createBucket("tempo-traces");
        issuer = OidcIssuer.create(ISSUER, CLOCK);
        directory = new StsDirectory();
        directory.addProvider(new OidcProvider(AWS_PROVIDER, ISSUER, Set.of("sts.amazonaws.com"), issuer.jwks()));
        // two clouds, two accounts: AWS finds its provider by the token's iss, Alibaba by the ARN it is given
        alibabaDirectory = new StsDirectory();
        alibabaDirectory.addProvider(new OidcProvider(ALI_PROVIDER, ISSUER, Set.of("sts.aliyuncs.com"), issuer.jwks()));
        directory.addRole(new StsRole(AWS_ROLE, new TrustPolicy(AWS_PROVIDER, Set.of(SUB), Set.of()), "tempo-role"));
        alibabaDirectory.addRole(
                new StsRole(ALI_ROLE, new TrustPolicy(ALI_PROVIDER, Set.of(SUB), Set.of()), "tempo-role"));
        aws = AwsStsStandIn.start(directory, store, CLOCK);
        alibaba = AlibabaStsStandIn.start(alibabaDirectory, store, CLOCK);
    }

    @AfterAll
    static void stop() {
        aws.close();
        alibaba.close();
        store.close();
    }

    @Test
    void shouldIssueAwsKeysTheStoreAcceptsWhenTheTokenIsTrusted() throws Exception {
        SecretValue token =
                issuer.serviceAccountToken("tracing", "tempo", List.of("sts.amazonaws.com"), Duration.ofHours(1));
        HttpResponse<String> response = post(
                aws.endpoint(),
                Map.of(
                        "Action",
                        "AssumeRoleWithWebIdentity",
                        "Version",
                        "2011-06-15",
                        "RoleArn",
                        AWS_ROLE,
                        "RoleSessionName",
                        "credrift",
                        "WebIdentityToken",
                        token.reveal()));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains(
                        "<AssumeRoleWithWebIdentityResponse",
                        "<AccessKeyId>ASIA",
                        "<SubjectFromWebIdentityToken>" + SUB);
        IssuedSession session = aws.issued().get(aws.issued().size() - 1);
        assertThat(response.body()).contains(session.sessionToken().reveal());
        assertThat(list(session)).isEqualTo("accepted");
        // the keys need their session token: S3Proxy does not read it, the stand-in's handler does
        assertThat(list(session, null)).isEqualTo("InvalidToken");
        assertThat(list(session, "another-session-token")).isEqualTo("InvalidToken");
    }

    @Test
    void shouldAnswerEachAwsRefusalWithItsDocumentedCode() throws Exception {
        List<String> aud = List.of("sts.amazonaws.com");
        assertThat(awsError(
                        issuer.serviceAccountToken("tracing", "tempo", List.of("tempo"), Duration.ofHours(1)),
                        AWS_ROLE))
                .isEqualTo("400 InvalidIdentityToken Incorrect token audience");
        assertThat(awsError(issuer.serviceAccountToken("tracing", "other", aud, Duration.ofHours(1)), AWS_ROLE))
                .isEqualTo("403 AccessDenied Not authorized to perform sts:AssumeRoleWithWebIdentity");
        assertThat(awsError(
                        issuer.serviceAccountToken("tracing", "tempo", aud, Duration.ofHours(1)),
                        "arn:aws:iam::111122223333:role/missing"))
                .isEqualTo("403 AccessDenied Not authorized to perform sts:AssumeRoleWithWebIdentity");
        assertThat(awsError(issuer.expiredToken(SUB, aud, Duration.ofMinutes(5)), AWS_ROLE))
                .startsWith("400 ExpiredTokenException Token expired");
        assertThat(awsError(issuer.unsignedToken(SUB, aud, Duration.ofHours(1)), AWS_ROLE))
                .startsWith("400 InvalidIdentityToken The ID Token provided is not signed");
        assertThat(awsError(issuer.foreignToken(SUB, aud, Duration.ofHours(1)), AWS_ROLE))
                .startsWith("400 InvalidIdentityToken Couldn't verify the signature");
        assertThat(awsError(issuer.tokenOfIssuer("https://elsewhere.example", SUB, aud, Duration.ofHours(1)), AWS_ROLE))
                .isEqualTo("400 InvalidIdentityToken No OpenIDConnect provider found in your account for"
                        + " https://elsewhere.example");
    }

    @Test
    void shouldIssueAlibabaKeysAndAnswerEachRefusalWithItsCode() throws Exception {
        List<String> aud = List.of("sts.aliyuncs.com");
        HttpResponse<String> ok = alibabaCall(
                issuer.serviceAccountToken("tracing", "tempo", aud, Duration.ofHours(1)), ALI_ROLE, ALI_PROVIDER);
        assertThat(ok.statusCode()).isEqualTo(200);
        JsonNode credentials = JSON.readTree(ok.body()).path("Credentials");
        assertThat(credentials.path("AccessKeyId").asText()).startsWith("STS.");
        assertThat(list(alibaba.issued().get(alibaba.issued().size() - 1))).isEqualTo("accepted");

        assertThat(aliError(
                        issuer.serviceAccountToken("tracing", "tempo", List.of("x"), Duration.ofHours(1)),
                        ALI_ROLE,
                        ALI_PROVIDER))
                .isEqualTo("401 AuthenticationFail.OIDCToken.AudienceNotMatch");
        assertThat(aliError(issuer.expiredToken(SUB, aud, Duration.ofMinutes(1)), ALI_ROLE, ALI_PROVIDER))
                .isEqualTo("401 AuthenticationFail.OIDCToken.Expired");
        assertThat(aliError(issuer.foreignToken(SUB, aud, Duration.ofHours(1)), ALI_ROLE, ALI_PROVIDER))
                .isEqualTo("401 AuthenticationFail.OIDCToken.InvalidSignature");
        assertThat(aliError(
                        issuer.serviceAccountToken("tracing", "other", aud, Duration.ofHours(1)),
                        ALI_ROLE,
                        ALI_PROVIDER))
                .isEqualTo("403 NoPermission");
        assertThat(aliError(
                        issuer.serviceAccountToken("tracing", "tempo", aud, Duration.ofHours(1)),
                        "acs:ram::1234567890123456:role/missing",
                        ALI_PROVIDER))
                .isEqualTo("404 EntityNotExist.Role");
        assertThat(aliError(
                        issuer.serviceAccountToken("tracing", "tempo", aud, Duration.ofHours(1)),
                        ALI_ROLE,
                        "acs:ram::1234567890123456:oidc-provider/missing"))
                .isEqualTo("401 AuthenticationFail.NoPermission");
    }

    @Test
    void shouldThrottleAlibabaCallsAboveTheLimit() throws Exception {
        AlibabaStsStandIn limited = AlibabaStsStandIn.start(alibabaDirectory, store, CLOCK);
        try {
            limited.limitRequestsPerSecond(3);
            SecretValue token =
                    issuer.serviceAccountToken("tracing", "tempo", List.of("sts.aliyuncs.com"), Duration.ofHours(1));
            int throttled = 0;
            for (int i = 0; i < 10; i++) {
                HttpResponse<String> response = post(limited.endpoint(), aliParams(token, ALI_ROLE, ALI_PROVIDER));
                if (JSON.readTree(response.body()).path("Code").asText().equals("Throttling.User")) {
                    assertThat(response.statusCode()).isEqualTo(400);
                    throttled++;
                }
            }
            assertThat(throttled).isGreaterThanOrEqualTo(4);
            assertThat(limited.throttledCount()).isEqualTo(throttled);
        } finally {
            limited.close();
        }
    }

    @Test
    void shouldRefuseATemporaryKeyOnceItsSessionExpired() throws Exception {
        AwsStsStandIn shortLived = AwsStsStandIn.start(directory, store, CLOCK);
        try {
            shortLived.shortenSessions(Duration.ofSeconds(1));
            post(
                    shortLived.endpoint(),
                    Map.of(
                            "Action",
                            "AssumeRoleWithWebIdentity",
                            "Version",
                            "2011-06-15",
                            "RoleArn",
                            AWS_ROLE,
                            "RoleSessionName",
                            "s",
                            "WebIdentityToken",
                            issuer.serviceAccountToken(
                                            "tracing", "tempo", List.of("sts.amazonaws.com"), Duration.ofHours(1))
                                    .reveal()));
            IssuedSession session = shortLived.issued().get(0);
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(list(session)).isEqualTo("ExpiredToken"));
        } finally {
            shortLived.close();
        }
    }

    @Test
    void shouldAnswerTheTokenRequestApiWithASignedTokenForAnExistingServiceAccount() {
        try (MockKubernetes kube = MockKubernetes.start()) {
            kube.client()
                    .serviceAccounts()
                    .inNamespace("tracing")
                    .resource(new ServiceAccountBuilder()
                            .withNewMetadata()
                            .withName("tempo")
                            .withNamespace("tracing")
                            .endMetadata()
                            .build())
                    .create();
            kube.issueServiceAccountTokens((ns, sa, audiences, lifetime) ->
                    issuer.serviceAccountToken(ns, sa, audiences, lifetime).reveal());
            TokenRequest request = new TokenRequestBuilder()
                    .withNewSpec()
                    .withAudiences("sts.amazonaws.com")
                    .withExpirationSeconds(3600L)
                    .endSpec()
                    .build();
            TokenRequest answer = kube.client()
                    .serviceAccounts()
                    .inNamespace("tracing")
                    .withName("tempo")
                    .tokenRequest(request);
            assertThat(answer.getStatus().getToken()).isNotBlank();
            assertThat(TokenCheck.unverifiedIssuer(answer.getStatus().getToken()))
                    .contains(ISSUER);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> kube.client()
                            .serviceAccounts()
                            .inNamespace("tracing")
                            .withName("nobody")
                            .tokenRequest(request))
                    .isInstanceOf(KubernetesClientException.class)
                    .satisfies(e -> assertThat(((KubernetesClientException) e).getCode())
                            .isEqualTo(404));
        }
    }

    private static String list(IssuedSession session) throws Exception {
        // the session token goes with the keys, as SDKs send it
        return list(session, session.sessionToken().reveal());
    }

    private static String list(IssuedSession session, String sessionToken) throws Exception {
        MinioClient client = MinioClient.builder()
                .endpoint(store.endpoint().toString())
                .credentialsProvider(new io.minio.credentials.StaticProvider(
                        session.credential().accessKeyId(),
                        session.credential().secret().reveal(),
                        sessionToken))
                // no idle connections, so that the store stops at once
                .httpClient(new okhttp3.OkHttpClient.Builder()
                        .connectionPool(new okhttp3.ConnectionPool(0, 1, java.util.concurrent.TimeUnit.SECONDS))
                        .build())
                .build();
        try {
            for (Result<Item> item : client.listObjects(
                    ListObjectsArgs.builder().bucket("tempo-traces").maxKeys(1).build())) {
                item.get();
            }
            return "accepted";
        } catch (ErrorResponseException e) {
            return e.errorResponse().code();
        }
    }

    private static String awsError(SecretValue token, String role) throws Exception {
        HttpResponse<String> response = post(
                aws.endpoint(),
                Map.of(
                        "Action",
                        "AssumeRoleWithWebIdentity",
                        "Version",
                        "2011-06-15",
                        "RoleArn",
                        role,
                        "RoleSessionName",
                        "credrift",
                        "WebIdentityToken",
                        token.reveal()));
        String body = response.body();
        return response.statusCode() + " " + between(body, "<Code>", "</Code>") + " "
                + between(body, "<Message>", "</Message>");
    }

    private static String aliError(SecretValue token, String role, String provider) throws Exception {
        HttpResponse<String> response = alibabaCall(token, role, provider);
        return response.statusCode() + " "
                + JSON.readTree(response.body()).path("Code").asText();
    }

    private static HttpResponse<String> alibabaCall(SecretValue token, String role, String provider) throws Exception {
        return post(alibaba.endpoint(), aliParams(token, role, provider));
    }

    private static Map<String, String> aliParams(SecretValue token, String role, String provider) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("Action", "AssumeRoleWithOIDC");
        params.put("Version", "2015-04-01");
        params.put("Format", "JSON");
        params.put("OIDCProviderArn", provider);
        params.put("RoleArn", role);
        params.put("OIDCToken", token.reveal());
        params.put("RoleSessionName", "credrift");
        return params;
    }

    private static String between(String text, String open, String close) {
        int start = text.indexOf(open);
        int end = text.indexOf(close, start);
        return start < 0 || end < 0
                ? ""
                : text.substring(start + open.length(), end).replace("&amp;", "&");
    }

    private static HttpResponse<String> post(URI endpoint, Map<String, String> params) throws Exception {
        String form = params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HTTP.send(
                HttpRequest.newBuilder(endpoint.resolve("/"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
