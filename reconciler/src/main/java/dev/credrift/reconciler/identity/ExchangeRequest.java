package dev.credrift.reconciler.identity;

import dev.credrift.api.spec.WebIdentityProvider;
import dev.credrift.events.credential.SecretValue;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One token exchange.
 *
 * @param oidcProviderArn required by Alibaba ({@code OIDCProviderArn}); ignored by AWS, which finds the provider by
 *                        the token's {@code iss}
 * @param duration        the session lifetime to ask for ({@code DurationSeconds}); empty: STS's default (1 h)
 */
public record ExchangeRequest(
        WebIdentityProvider provider,
        URI endpoint,
        String roleArn,
        Optional<String> oidcProviderArn,
        String sessionName,
        SecretValue token,
        Optional<Duration> duration) {

    public ExchangeRequest {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(roleArn, "roleArn");
        Objects.requireNonNull(oidcProviderArn, "oidcProviderArn");
        Objects.requireNonNull(sessionName, "sessionName");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(duration, "duration");
    }

    @Override
    public String toString() {
        return "ExchangeRequest[" + provider.wireName() + " " + endpoint + ", role " + roleArn + "]";
    }
}
