package dev.credrift.reconciler.identity;

import dev.credrift.api.spec.WebIdentityProvider;
import dev.credrift.events.credential.SecretValue;
import io.minio.credentials.Credentials;
import io.minio.messages.ResponseDate;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Temporary keys for credrift itself from a projected service-account token file, refreshed before they expire, the
 * file read again at every exchange (kubelet rotates it):
 * <ul>
 *   <li>AWS IRSA: {@code AWS_WEB_IDENTITY_TOKEN_FILE}, {@code AWS_ROLE_ARN}, optional {@code AWS_ROLE_SESSION_NAME},
 *       STS at {@code AWS_ENDPOINT_URL_STS}, else {@code https://sts.<AWS_REGION>.amazonaws.com} when
 *       {@code AWS_REGION} is set, else {@code https://sts.amazonaws.com};</li>
 *   <li>Alibaba RRSA: {@code ALIBABA_CLOUD_OIDC_TOKEN_FILE}, {@code ALIBABA_CLOUD_ROLE_ARN},
 *       {@code ALIBABA_CLOUD_OIDC_PROVIDER_ARN}, optional {@code ALIBABA_CLOUD_ROLE_SESSION_NAME}, STS at
 *       {@code ALIBABA_CLOUD_STS_ENDPOINT} (a host or URL), else {@code https://sts.aliyuncs.com}.</li>
 * </ul>
 */
public final class TokenFileLink implements CredentialLink {

    private final WebIdentityProvider provider;
    private final UnaryOperator<String> env;
    private final RefreshingExchange exchange;

    private TokenFileLink(WebIdentityProvider provider, UnaryOperator<String> env, StsClient sts, Clock clock) {
        this.provider = provider;
        this.env = env;
        this.exchange = new RefreshingExchange(name(), this::request, sts, clock);
    }

    /** AWS IRSA from the environment. */
    public static TokenFileLink aws(UnaryOperator<String> env, StsClient sts, Clock clock) {
        return new TokenFileLink(WebIdentityProvider.AWS, env, sts, clock);
    }

    /** Alibaba RRSA from the environment. */
    public static TokenFileLink alibaba(UnaryOperator<String> env, StsClient sts, Clock clock) {
        return new TokenFileLink(WebIdentityProvider.ALIBABA, env, sts, clock);
    }

    @Override
    public String name() {
        return provider == WebIdentityProvider.AWS ? "aws-web-identity" : "alibaba-rrsa";
    }

    @Override
    public boolean configured() {
        return provider == WebIdentityProvider.AWS
                ? present("AWS_WEB_IDENTITY_TOKEN_FILE") && present("AWS_ROLE_ARN")
                : present("ALIBABA_CLOUD_OIDC_TOKEN_FILE") && present("ALIBABA_CLOUD_ROLE_ARN")
                        && present("ALIBABA_CLOUD_OIDC_PROVIDER_ARN");
    }

    @Override
    public Credentials fetch() {
        TemporaryCredential keys = exchange.current();
        return new Credentials(keys.credential().accessKeyId(), keys.credential().secret().reveal(),
                keys.sessionToken().reveal(), new ResponseDate(keys.expiration().atZone(ZoneOffset.UTC)));
    }

    /** The current temporary keys (refreshed if due). */
    public TemporaryCredential current() {
        return exchange.current();
    }

    /** Exchanges attempted so far. */
    long exchanges() {
        return exchange.exchanges();
    }

    private ExchangeRequest request() {
        if (provider == WebIdentityProvider.AWS) {
            String endpoint = present("AWS_ENDPOINT_URL_STS") ? env.apply("AWS_ENDPOINT_URL_STS")
                    : present("AWS_REGION") ? "https://sts." + env.apply("AWS_REGION") + ".amazonaws.com"
                    : WebIdentityProvider.AWS.defaultStsEndpoint();
            return new ExchangeRequest(provider, uri(endpoint, "AWS_ENDPOINT_URL_STS"), required("AWS_ROLE_ARN"),
                    Optional.empty(), sessionName("AWS_ROLE_SESSION_NAME"), token("AWS_WEB_IDENTITY_TOKEN_FILE"),
                    Optional.empty());
        }
        String endpoint = present("ALIBABA_CLOUD_STS_ENDPOINT") ? env.apply("ALIBABA_CLOUD_STS_ENDPOINT")
                : WebIdentityProvider.ALIBABA.defaultStsEndpoint();
        if (!endpoint.contains("://")) {
            endpoint = "https://" + endpoint;
        }
        return new ExchangeRequest(provider, uri(endpoint, "ALIBABA_CLOUD_STS_ENDPOINT"),
                required("ALIBABA_CLOUD_ROLE_ARN"), Optional.of(required("ALIBABA_CLOUD_OIDC_PROVIDER_ARN")),
                sessionName("ALIBABA_CLOUD_ROLE_SESSION_NAME"), token("ALIBABA_CLOUD_OIDC_TOKEN_FILE"),
                Optional.empty());
    }

    private SecretValue token(String variable) {
        Path file = Path.of(required(variable));
        String token;
        try {
            token = Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new CredentialsUnavailable(name() + ": cannot read the token file " + file + " (" + variable + "): "
                    + e.getClass().getSimpleName());
        }
        if (token.isEmpty()) {
            throw new CredentialsUnavailable(name() + ": the token file " + file + " (" + variable + ") is empty");
        }
        return SecretValue.of(token);
    }

    private String sessionName(String variable) {
        return present(variable) ? env.apply(variable) : "credrift";
    }

    private String required(String variable) {
        if (!present(variable)) {
            throw new CredentialsUnavailable(name() + ": " + variable + " is not set");
        }
        return env.apply(variable).trim();
    }

    private URI uri(String endpoint, String variable) {
        try {
            return URI.create(endpoint.trim());
        } catch (IllegalArgumentException e) {
            throw new CredentialsUnavailable(name() + ": " + variable + " is not a URL");
        }
    }

    private boolean present(String name) {
        String value = env.apply(name);
        return value != null && !value.isBlank();
    }
}
