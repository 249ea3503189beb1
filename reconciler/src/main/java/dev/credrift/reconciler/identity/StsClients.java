package dev.credrift.reconciler.identity;

import dev.credrift.api.spec.WebIdentityProvider;
import java.time.Clock;
import java.util.Objects;

/** The STS client for each provider. */
public record StsClients(StsClient aws, StsClient alibaba) {

    public StsClients {
        Objects.requireNonNull(aws, "aws");
        Objects.requireNonNull(alibaba, "alibaba");
    }

    public static StsClients create(Clock clock) {
        return new StsClients(new AwsStsClient(), new AlibabaStsClient(clock));
    }

    public StsClient of(WebIdentityProvider provider) {
        return switch (provider) {
            case AWS -> aws;
            case ALIBABA -> alibaba;
            default -> throw new IllegalArgumentException("no STS client for provider " + provider.wireName());
        };
    }
}
