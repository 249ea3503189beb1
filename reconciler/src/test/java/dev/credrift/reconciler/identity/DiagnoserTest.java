package dev.credrift.reconciler.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.api.spec.WebIdentityProvider;
import dev.credrift.events.credential.SecretValue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each kind of refusal gets its own diagnosis, naming what was expected and what was presented, never the token. */
class DiagnoserTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final String SUB = "system:serviceaccount:tracing:tempo";
    private static final Expectations AWS = new Expectations(
            WebIdentityProvider.AWS,
            SUB,
            "sts.amazonaws.com",
            "arn:aws:iam::111122223333:role/tempo",
            Optional.empty());
    private static final Expectations ALIBABA = new Expectations(
            WebIdentityProvider.ALIBABA,
            "system:serviceaccount:monitoring:loki",
            "sts.aliyuncs.com",
            "acs:ram::1234567890123456:role/loki",
            Optional.of("acs:ram::1234567890123456:oidc-provider/ack-rrsa"));

    private final Diagnoser diagnoser = new Diagnoser();

    private static SecretValue token(String alg, String payload) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return SecretValue.of(b64.encodeToString(("{\"alg\":\"" + alg + "\"}").getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl");
    }

    private IdentityDiagnosis aws(int status, String code, String message, SecretValue token) {
        IdentityDiagnosis d =
                diagnoser.diagnose(new StsReply.Refused(status, code, message), AWS, TokenClaims.read(token), NOW);
        assertThat(d.detail()).doesNotContain(token.reveal()).doesNotContain("c2lnbmF0dXJl");
        return d;
    }

    private IdentityDiagnosis alibaba(int status, String code, String message, SecretValue token) {
        IdentityDiagnosis d =
                diagnoser.diagnose(new StsReply.Refused(status, code, message), ALIBABA, TokenClaims.read(token), NOW);
        assertThat(d.detail()).doesNotContain(token.reveal());
        return d;
    }

    @Test
    void shouldNameTheExpectedSubWhenTheTrustPolicyLacksIt() {
        SecretValue token = token(
                "RS256",
                "{\"iss\":\"https://oidc\",\"sub\":\"system:serviceaccount:tracing:tempo-v2\","
                        + "\"aud\":[\"sts.amazonaws.com\"],\"exp\":1900000000}");
        IdentityDiagnosis d =
                aws(403, "AccessDenied", "Not authorized to perform sts:AssumeRoleWithWebIdentity", token);
        assertThat(d.mismatch()).isEqualTo(Mismatch.SUBJECT);
        assertThat(d.detail())
                .contains("does not trust sub system:serviceaccount:tracing:tempo-v2")
                .contains("expected " + SUB)
                .contains("arn:aws:iam::111122223333:role/tempo")
                .contains("AccessDenied");
    }

    @Test
    void shouldNameTheExpectedSubOnceWhenTheTokenCarriesIt() {
        SecretValue token = token("RS256", "{\"sub\":\"" + SUB + "\",\"aud\":[\"sts.amazonaws.com\"]}");
        IdentityDiagnosis d =
                aws(403, "AccessDenied", "Not authorized to perform sts:AssumeRoleWithWebIdentity", token);
        assertThat(d.detail()).contains("does not trust the expected sub " + SUB + ": its trust policy lacks this sub");
    }

    @Test
    void shouldNameTheAudienceWhenTheProviderDoesNotAcceptIt() {
        SecretValue token = token("RS256", "{\"sub\":\"" + SUB + "\",\"aud\":\"tempo\",\"exp\":1900000000}");
        IdentityDiagnosis d = aws(400, "InvalidIdentityToken", "Incorrect token audience", token);
        assertThat(d.mismatch()).isEqualTo(Mismatch.AUDIENCE);
        assertThat(d.detail()).contains("audience [tempo]").contains("expected sts.amazonaws.com");
        IdentityDiagnosis ali =
                alibaba(401, "AuthenticationFail.OIDCToken.AudienceNotMatch", "Invalid audience.", token);
        assertThat(ali.mismatch()).isEqualTo(Mismatch.AUDIENCE);
        assertThat(ali.detail()).contains("expected sts.aliyuncs.com");
    }

    @Test
    void shouldNameTheRoleWhenItDoesNotExist() {
        SecretValue token = token("RS256", "{\"sub\":\"system:serviceaccount:monitoring:loki\",\"exp\":1900000000}");
        IdentityDiagnosis d = alibaba(404, "EntityNotExist.Role", "The role not exists: acs:ram::1:role/loki.", token);
        assertThat(d.mismatch()).isEqualTo(Mismatch.ROLE);
        assertThat(d.detail()).contains("role acs:ram::1234567890123456:role/loki does not exist");
        // AWS answers a missing role like an untrusted sub: the diagnosis says both may be the cause
        assertThat(aws(403, "AccessDenied", "Not authorized to perform sts:AssumeRoleWithWebIdentity", token)
                        .detail())
                .contains("or the role does not exist");
    }

    @Test
    void shouldSayWhenTheTokenHadExpired() {
        SecretValue token = token("RS256", "{\"sub\":\"" + SUB + "\",\"exp\":1795000000}");
        IdentityDiagnosis d = aws(400, "ExpiredTokenException", "Token expired: ...", token);
        assertThat(d.mismatch()).isEqualTo(Mismatch.EXPIRED);
        assertThat(d.detail()).contains("had expired at " + Instant.ofEpochSecond(1795000000L));
        assertThat(alibaba(401, "AuthenticationFail.OIDCToken.Expired", "This JsonWebToken is expired.", token)
                        .mismatch())
                .isEqualTo(Mismatch.EXPIRED);
    }

    @Test
    void shouldTellAnUnsignedTokenFromABadSignature() {
        SecretValue unsigned = token("none", "{\"sub\":\"" + SUB + "\",\"exp\":1900000000}");
        SecretValue foreign = token("RS256", "{\"iss\":\"https://oidc\",\"sub\":\"" + SUB + "\",\"exp\":1900000000}");
        assertThat(aws(400, "InvalidIdentityToken", "The ID Token provided is not signed", unsigned)
                        .mismatch())
                .isEqualTo(Mismatch.UNSIGNED);
        assertThat(alibaba(401, "AuthenticationFail.OIDCToken.Invalid", "The algorithm none ... is unknown.", unsigned)
                        .mismatch())
                .isEqualTo(Mismatch.UNSIGNED);
        IdentityDiagnosis bad =
                aws(400, "InvalidIdentityToken", "Couldn't verify the signature of the ID Token", foreign);
        assertThat(bad.mismatch()).isEqualTo(Mismatch.SIGNATURE);
        assertThat(bad.detail()).contains("issuer https://oidc");
        assertThat(alibaba(401, "AuthenticationFail.OIDCToken.InvalidSignature", "invalid signature.", foreign)
                        .mismatch())
                .isEqualTo(Mismatch.SIGNATURE);
    }

    @Test
    void shouldNameAnUnknownIssuerOrProvider() {
        SecretValue token = token("RS256", "{\"iss\":\"https://elsewhere\",\"sub\":\"" + SUB + "\"}");
        IdentityDiagnosis issuer = aws(
                400,
                "InvalidIdentityToken",
                "No OpenIDConnect provider found in your account for https://elsewhere",
                token);
        assertThat(issuer.mismatch()).isEqualTo(Mismatch.ISSUER);
        assertThat(issuer.detail()).contains("https://elsewhere");
        IdentityDiagnosis provider =
                alibaba(401, "AuthenticationFail.NoPermission", "No such OIDC Provider registered.", token);
        assertThat(provider.mismatch()).isEqualTo(Mismatch.PROVIDER);
        assertThat(provider.detail()).contains("acs:ram::1234567890123456:oidc-provider/ack-rrsa");
        assertThat(alibaba(403, "NoPermission", "You are not authorized to do this action.", token)
                        .mismatch())
                .isEqualTo(Mismatch.SUBJECT);
    }
}
