package dev.credrift.reconciler.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.credrift.events.credential.Credential;
import dev.credrift.events.credential.SecretValue;
import dev.credrift.sandbox.emulate.ManualClock;
import io.minio.credentials.Credentials;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The credential chain and its refreshing links, on a manual clock with a fake STS. */
class CredentialChainTest {

    private static final Instant START = Instant.parse("2026-11-22T10:00:00Z");

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(START);
    private final FakeSts sts = new FakeSts();
    private final Map<String, String> env = new HashMap<>();

    /** Issues keys valid for {@code lifetime}, or fails as told; remembers the tokens it was given. */
    private final class FakeSts implements StsClient {
        Duration lifetime = Duration.ofSeconds(60);
        final List<String> tokens = new ArrayList<>();
        final List<ExchangeRequest> requests = new ArrayList<>();
        int throttleNext;
        StsReply.Refused refuse;
        final AtomicInteger serial = new AtomicInteger();

        @Override
        public StsReply exchange(ExchangeRequest request) {
            requests.add(request);
            tokens.add(request.token().reveal());
            if (throttleNext > 0) {
                throttleNext--;
                throw new StsUnavailable("STS " + request.endpoint() + " answered 400 Throttling.User", true);
            }
            if (refuse != null) {
                return refuse;
            }
            int n = serial.incrementAndGet();
            return new StsReply.Issued(new TemporaryCredential(Credential.of("ASIATEMPKEY00000000" + n,
                    "temporary-secret-value-" + n), SecretValue.of("session-token-value-" + n),
                    clock.instant().plus(lifetime)));
        }
    }

    private Path tokenFile(String token) throws IOException {
        Path file = dir.resolve("token");
        Files.writeString(file, token + "\n");
        return file;
    }

    private TokenFileLink awsLink(Path file) {
        env.put("AWS_WEB_IDENTITY_TOKEN_FILE", file.toString());
        env.put("AWS_ROLE_ARN", "arn:aws:iam::111122223333:role/credrift");
        env.put("AWS_ENDPOINT_URL_STS", "http://127.0.0.1:1");
        return TokenFileLink.aws(env::get, sts, clock);
    }

    @Test
    void shouldRefreshShortLivedKeysBeforeTheyExpireAndNotBefore() throws IOException {
        TokenFileLink link = awsLink(tokenFile("token-one"));
        Credentials first = link.fetch();
        assertThat(first.sessionToken()).isEqualTo("session-token-value-1");

        // 60 s keys: refreshed when a quarter (15 s) is left, i.e. from +45 s on
        clock.advance(Duration.ofSeconds(44));
        assertThat(link.fetch().accessKey()).isEqualTo(first.accessKey());
        assertThat(link.exchanges()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(2));
        Credentials second = link.fetch();
        assertThat(second.accessKey()).isNotEqualTo(first.accessKey());
        assertThat(link.exchanges()).isEqualTo(2);
        assertThat(link.current().expiration()).isEqualTo(START.plusSeconds(46 + 60));
    }

    @Test
    void shouldReReadTheTokenFileAtEveryExchangeWhenTheKubeletRotatedIt() throws IOException {
        Path file = tokenFile("token-one");
        TokenFileLink link = awsLink(file);
        link.fetch();
        Files.writeString(file, "token-two\n");
        clock.advance(Duration.ofSeconds(50));
        link.fetch();
        assertThat(sts.tokens).containsExactly("token-one", "token-two");
        assertThat(sts.requests.get(1).roleArn()).isEqualTo("arn:aws:iam::111122223333:role/credrift");
    }

    @Test
    void shouldBackOffExponentiallyWhileAlibabaStsThrottlesInsteadOfCallingAgainAtOnce() throws IOException {
        env.put("ALIBABA_CLOUD_OIDC_TOKEN_FILE", tokenFile("rrsa-token").toString());
        env.put("ALIBABA_CLOUD_ROLE_ARN", "acs:ram::1234567890123456:role/credrift");
        env.put("ALIBABA_CLOUD_OIDC_PROVIDER_ARN", "acs:ram::1234567890123456:oidc-provider/ack-rrsa");
        TokenFileLink link = TokenFileLink.alibaba(env::get, sts, clock);
        sts.throttleNext = 3;

        // a burst of 50 requests while throttled: one STS call, not 50
        for (int i = 0; i < 50; i++) {
            assertThatThrownBy(link::fetch).isInstanceOf(CredentialsUnavailable.class)
                    .hasMessageContaining("Throttling.User").satisfiesAnyOf(
                            e -> assertThat(e).hasMessageContaining("next try"),
                            e -> assertThat(e).hasMessageContaining("backing off"));
        }
        assertThat(link.exchanges()).isEqualTo(1);
        clock.advance(Duration.ofMillis(999));
        assertThatThrownBy(link::fetch).isInstanceOf(CredentialsUnavailable.class);
        assertThat(link.exchanges()).isEqualTo(1);
        clock.advance(Duration.ofMillis(1));
        assertThatThrownBy(link::fetch).isInstanceOf(CredentialsUnavailable.class);
        assertThat(link.exchanges()).isEqualTo(2);
        // the second wait is twice the first
        clock.advance(Duration.ofMillis(1999));
        assertThatThrownBy(link::fetch).isInstanceOf(CredentialsUnavailable.class);
        assertThat(link.exchanges()).isEqualTo(2);
        clock.advance(Duration.ofMillis(1));
        assertThatThrownBy(link::fetch).isInstanceOf(CredentialsUnavailable.class);
        assertThat(link.exchanges()).isEqualTo(3);
        clock.advance(Duration.ofSeconds(4));
        assertThat(link.fetch().sessionToken()).isEqualTo("session-token-value-1");
        assertThat(link.exchanges()).isEqualTo(4);
        assertThat(sts.requests.get(0).oidcProviderArn()).contains("acs:ram::1234567890123456:oidc-provider/ack-rrsa");
        assertThat(sts.requests.get(0).endpoint().toString()).isEqualTo("https://sts.aliyuncs.com");
    }

    @Test
    void shouldKeepUsingValidKeysWhileARefreshIsThrottled() throws IOException {
        TokenFileLink link = awsLink(tokenFile("token-one"));
        Credentials first = link.fetch();
        clock.advance(Duration.ofSeconds(50));
        sts.throttleNext = 100;
        for (int i = 0; i < 20; i++) {
            assertThat(link.fetch().accessKey()).isEqualTo(first.accessKey());
        }
        assertThat(link.exchanges()).isEqualTo(2);
    }

    @Test
    void shouldNameTheFileButNeverTheTokenWhenItCannotBeUsed() throws IOException {
        Path file = tokenFile("");
        TokenFileLink link = awsLink(file);
        assertThatThrownBy(link::fetch).isInstanceOf(CredentialsUnavailable.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("empty");
        Files.writeString(file, "the-secret-token");
        sts.refuse = new StsReply.Refused(400, "InvalidIdentityToken", "Incorrect token audience");
        assertThatThrownBy(link::fetch).isInstanceOf(CredentialsUnavailable.class)
                .hasMessageContaining("InvalidIdentityToken").hasMessageNotContaining("the-secret-token");
    }

    @Test
    void shouldChooseTheFirstConfiguredLinkInTheStandardOrder() throws IOException {
        StsClients clients = new StsClients(sts, sts);
        assertThat(CredentialChain.standard(Optional.empty(), env::get, clients, clock).selected()).isEmpty();
        assertThatThrownBy(() -> CredentialChain.standard(Optional.empty(), env::get, clients, clock).fetch())
                .isInstanceOf(CredentialsUnavailable.class).hasMessageContaining("AWS_WEB_IDENTITY_TOKEN_FILE");

        awsLink(tokenFile("t"));
        assertThat(CredentialChain.standard(Optional.empty(), env::get, clients, clock).selected().orElseThrow().name())
                .isEqualTo("aws-web-identity");
        env.put("AWS_ACCESS_KEY_ID", "AKIAENVIRONMENT00001");
        env.put("AWS_SECRET_ACCESS_KEY", "environment-secret");
        CredentialChain chain = CredentialChain.standard(Optional.empty(), env::get, clients, clock);
        assertThat(chain.selected().orElseThrow().name()).isEqualTo("environment");
        assertThat(chain.fetch().secretKey()).isEqualTo("environment-secret");
        assertThat(chain.toString()).doesNotContain("environment-secret").doesNotContain("AKIAENVIRONMENT00001");
        assertThat(CredentialChain.standard(Optional.of(Credential.of("AKIASTATIC0000000001", "static-secret")),
                env::get, clients, clock).fetch().accessKey()).isEqualTo("AKIASTATIC0000000001");
        assertThat(sts.requests).isEmpty();
    }
}
