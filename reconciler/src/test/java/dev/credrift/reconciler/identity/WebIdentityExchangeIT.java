package dev.credrift.reconciler.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.api.spec.WebIdentityProvider;
import dev.credrift.events.credential.SecretValue;
import dev.credrift.reconciler.probe.MinioStoreProbe;
import dev.credrift.reconciler.probe.ProbeTarget;
import dev.credrift.reconciler.probe.ProbeVerdict;
import dev.credrift.sandbox.s3.S3StoreStandIn;
import dev.credrift.sandbox.sts.AlibabaStsStandIn;
import dev.credrift.sandbox.sts.AwsStsStandIn;
import dev.credrift.sandbox.sts.OidcIssuer;
import dev.credrift.sandbox.sts.OidcProvider;
import dev.credrift.sandbox.sts.StsDirectory;
import dev.credrift.sandbox.sts.StsRole;
import dev.credrift.sandbox.sts.TrustPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * credrift's STS clients against the sandbox's AWS and Alibaba STS stand-ins, and the temporary keys against the S3
 * stand-in: every wrong claim gets its own diagnosis over the wire, the keys work with their session token until they
 * expire, and nothing printed holds a token or a key.
 */
class WebIdentityExchangeIT {

    private static final String ISSUER = "https://oidc.eks.eu-west-1.amazonaws.com/id/SANDBOX";
    private static final String AWS_PROVIDER =
            "arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1" + ".amazonaws.com/id/SANDBOX";
    private static final String AWS_ROLE = "arn:aws:iam::111122223333:role/tempo-s3";
    private static final String ALI_PROVIDER = "acs:ram::1234567890123456:oidc-provider/ack-rrsa";
    private static final String ALI_ROLE = "acs:ram::1234567890123456:role/loki-oss";
    private static final String TEMPO = "system:serviceaccount:tracing:tempo";
    private static final String LOKI = "system:serviceaccount:monitoring:loki";
    private static final Clock CLOCK = Clock.systemUTC();

    private static S3StoreStandIn store;
    private static OidcIssuer issuer;
    private static AwsStsStandIn aws;
    private static AlibabaStsStandIn alibaba;
    private static MinioStoreProbe probe;
    private static final List<String> printed = new ArrayList<>();

    @BeforeAll
    static void start() {
        store = S3StoreStandIn.startHttp();
        store.addUser("tempo-role");
        store.createBucket("tempo-traces");
        issuer = OidcIssuer.create(ISSUER, CLOCK);
        StsDirectory awsAccount = new StsDirectory();
        awsAccount.addProvider(new OidcProvider(AWS_PROVIDER, ISSUER, Set.of("sts.amazonaws.com"), issuer.jwks()));
        awsAccount.addRole(new StsRole(AWS_ROLE, new TrustPolicy(AWS_PROVIDER, Set.of(TEMPO), Set.of()), "tempo-role"));
        StsDirectory alibabaAccount = new StsDirectory();
        alibabaAccount.addProvider(new OidcProvider(ALI_PROVIDER, ISSUER, Set.of("sts.aliyuncs.com"), issuer.jwks()));
        alibabaAccount.addRole(
                new StsRole(ALI_ROLE, new TrustPolicy(ALI_PROVIDER, Set.of(LOKI), Set.of()), "tempo-role"));
        aws = AwsStsStandIn.start(awsAccount, store, CLOCK);
        alibaba = AlibabaStsStandIn.start(alibabaAccount, store, CLOCK);
        probe = new MinioStoreProbe();
    }

    @AfterAll
    static void stop() {
        probe.close();
        aws.close();
        alibaba.close();
        store.close();
        // nothing credrift printed (diagnoses, messages, toString) holds a token or a key handed out
        List<String> secrets = new ArrayList<>(issuer.issuedTokens());
        aws.issued()
                .forEach(s -> secrets.addAll(List.of(
                        s.credential().accessKeyId(),
                        s.credential().secret().reveal(),
                        s.sessionToken().reveal())));
        alibaba.issued()
                .forEach(s -> secrets.addAll(List.of(
                        s.credential().accessKeyId(),
                        s.credential().secret().reveal(),
                        s.sessionToken().reveal())));
        assertThat(secrets).hasSizeGreaterThan(10);
        for (String text : printed) {
            for (String secret : secrets) {
                assertThat(text).as("printed text holds a credential").doesNotContain(secret);
            }
        }
    }

    private static StsReply exchange(WebIdentityProvider provider, String role, SecretValue token) {
        ExchangeRequest request = new ExchangeRequest(
                provider,
                provider == WebIdentityProvider.AWS ? aws.endpoint() : alibaba.endpoint(),
                role,
                provider == WebIdentityProvider.AWS ? Optional.empty() : Optional.of(ALI_PROVIDER),
                "credrift-verify",
                token,
                Optional.of(Duration.ofMinutes(15)));
        printed.add(request.toString());
        StsClient client = provider == WebIdentityProvider.AWS ? new AwsStsClient() : new AlibabaStsClient(CLOCK);
        StsReply reply = client.exchange(request);
        printed.add(reply.toString());
        return reply;
    }

    private static Mismatch diagnose(WebIdentityProvider provider, String role, SecretValue token) {
        StsReply reply = exchange(provider, role, token);
        assertThat(reply).isInstanceOf(StsReply.Refused.class);
        Expectations expected = provider == WebIdentityProvider.AWS
                ? new Expectations(provider, TEMPO, "sts.amazonaws.com", role, Optional.empty())
                : new Expectations(provider, LOKI, "sts.aliyuncs.com", role, Optional.of(ALI_PROVIDER));
        IdentityDiagnosis diagnosis =
                new Diagnoser().diagnose((StsReply.Refused) reply, expected, TokenClaims.read(token), CLOCK.instant());
        printed.add(diagnosis.toString());
        return diagnosis.mismatch();
    }

    @Test
    void shouldGetKeysTheStoreAcceptsWithTheirSessionToken() {
        StsReply reply = exchange(
                WebIdentityProvider.AWS,
                AWS_ROLE,
                issuer.serviceAccountToken("tracing", "tempo", List.of("sts.amazonaws.com"), Duration.ofMinutes(10)));
        TemporaryCredential keys = ((StsReply.Issued) reply).credential();
        assertThat(keys.credential().accessKeyId()).startsWith("ASIA");
        ProbeTarget target = ProbeTarget.of(store.endpoint().toString(), "tempo-traces");
        ProbeVerdict verdict = probe.probe(target, keys.credential(), keys.sessionToken());
        printed.add(verdict.toString());
        assertThat(verdict).isInstanceOf(ProbeVerdict.Accepted.class);
        // without its session token the same key is refused: the probe really sends it
        assertThat(probe.probe(target, keys.credential()))
                .isInstanceOfSatisfying(
                        ProbeVerdict.Rejected.class, r -> assertThat(r.code()).isEqualTo("InvalidToken"));

        StsReply rrsa = exchange(
                WebIdentityProvider.ALIBABA,
                ALI_ROLE,
                issuer.serviceAccountToken("monitoring", "loki", List.of("sts.aliyuncs.com"), Duration.ofMinutes(10)));
        TemporaryCredential ossKeys = ((StsReply.Issued) rrsa).credential();
        assertThat(ossKeys.credential().accessKeyId()).startsWith("STS.");
        assertThat(probe.probe(target, ossKeys.credential(), ossKeys.sessionToken()))
                .isInstanceOf(ProbeVerdict.Accepted.class);
    }

    @Test
    void shouldGiveWrongSubAudienceRoleAndAnExpiredTokenEachTheirOwnDiagnosis() {
        List<String> aud = List.of("sts.amazonaws.com");
        Duration hour = Duration.ofHours(1);
        assertThat(diagnose(
                        WebIdentityProvider.AWS,
                        AWS_ROLE,
                        issuer.serviceAccountToken("tracing", "tempo-v2", aud, hour)))
                .isEqualTo(Mismatch.SUBJECT);
        assertThat(diagnose(
                        WebIdentityProvider.AWS,
                        AWS_ROLE,
                        issuer.serviceAccountToken("tracing", "tempo", List.of("tempo"), hour)))
                .isEqualTo(Mismatch.AUDIENCE);
        assertThat(diagnose(WebIdentityProvider.AWS, AWS_ROLE, issuer.expiredToken(TEMPO, aud, Duration.ofMinutes(2))))
                .isEqualTo(Mismatch.EXPIRED);
        assertThat(diagnose(WebIdentityProvider.AWS, AWS_ROLE, issuer.unsignedToken(TEMPO, aud, hour)))
                .isEqualTo(Mismatch.UNSIGNED);
        assertThat(diagnose(WebIdentityProvider.AWS, AWS_ROLE, issuer.foreignToken(TEMPO, aud, hour)))
                .isEqualTo(Mismatch.SIGNATURE);
        assertThat(diagnose(
                        WebIdentityProvider.AWS, AWS_ROLE, issuer.tokenOfIssuer("https://elsewhere", TEMPO, aud, hour)))
                .isEqualTo(Mismatch.ISSUER);

        List<String> ali = List.of("sts.aliyuncs.com");
        assertThat(diagnose(
                        WebIdentityProvider.ALIBABA,
                        ALI_ROLE,
                        issuer.serviceAccountToken("monitoring", "promtail", ali, hour)))
                .isEqualTo(Mismatch.SUBJECT);
        assertThat(diagnose(
                        WebIdentityProvider.ALIBABA,
                        ALI_ROLE,
                        issuer.serviceAccountToken("monitoring", "loki", List.of("loki"), hour)))
                .isEqualTo(Mismatch.AUDIENCE);
        assertThat(diagnose(
                        WebIdentityProvider.ALIBABA,
                        "acs:ram::1234567890123456:role/nope",
                        issuer.serviceAccountToken("monitoring", "loki", ali, hour)))
                .isEqualTo(Mismatch.ROLE);
        assertThat(diagnose(
                        WebIdentityProvider.ALIBABA, ALI_ROLE, issuer.expiredToken(LOKI, ali, Duration.ofMinutes(2))))
                .isEqualTo(Mismatch.EXPIRED);
        assertThat(diagnose(WebIdentityProvider.ALIBABA, ALI_ROLE, issuer.unsignedToken(LOKI, ali, hour)))
                .isEqualTo(Mismatch.UNSIGNED);
    }

    @Test
    void shouldReportThrottlingAsUnavailableNotAsARefusal() {
        AlibabaStsStandIn limited = AlibabaStsStandIn.start(directoryWithLoki(), store, CLOCK);
        try {
            limited.limitRequestsPerSecond(1);
            SecretValue token = issuer.serviceAccountToken(
                    "monitoring", "loki", List.of("sts.aliyuncs.com"), Duration.ofMinutes(10));
            ExchangeRequest request = new ExchangeRequest(
                    WebIdentityProvider.ALIBABA,
                    limited.endpoint(),
                    ALI_ROLE,
                    Optional.of(ALI_PROVIDER),
                    "credrift",
                    token,
                    Optional.empty());
            AlibabaStsClient client = new AlibabaStsClient(CLOCK);
            List<StsUnavailable> throttled = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                try {
                    client.exchange(request);
                } catch (StsUnavailable e) {
                    throttled.add(e);
                }
            }
            assertThat(throttled).isNotEmpty().allSatisfy(e -> {
                assertThat(e.throttled()).isTrue();
                assertThat(e).hasMessageContaining("Throttling.User").hasMessageNotContaining(token.reveal());
            });
        } finally {
            limited.close();
        }
    }

    private static StsDirectory directoryWithLoki() {
        StsDirectory account = new StsDirectory();
        account.addProvider(new OidcProvider(ALI_PROVIDER, ISSUER, Set.of("sts.aliyuncs.com"), issuer.jwks()));
        account.addRole(new StsRole(ALI_ROLE, new TrustPolicy(ALI_PROVIDER, Set.of(LOKI), Set.of()), "tempo-role"));
        return account;
    }
}
