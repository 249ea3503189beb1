package dev.credrift.notifier.config;

import dev.credrift.events.credential.SecretValue;
import dev.credrift.events.payload.SinkKind;
import java.util.Objects;
import java.util.Optional;

/**
 * A sink with its secrets read: the URL and (for webhooks) the signing key, held as
 * {@link SecretValue}s that never print themselves. Made by {@link SinkConfig#resolve}.
 */
public final class SinkTarget {

    private final SinkConfig config;
    private final SecretValue url;
    private final SecretValue signingKey;

    SinkTarget(SinkConfig config, SecretValue url, SecretValue signingKey) {
        this.config = Objects.requireNonNull(config, "config");
        this.url = Objects.requireNonNull(url, "url");
        this.signingKey = signingKey;
    }

    /** The configuration it was resolved from. */
    public SinkConfig config() {
        return config;
    }

    /** The sink's name. */
    public String name() {
        return config.name();
    }

    /** Slack or webhook. */
    public SinkKind kind() {
        return config.kind();
    }

    /** The webhook URL: a credential for Slack, so only the HTTP client may {@code reveal()} it. */
    public SecretValue url() {
        return url;
    }

    /** The HMAC signing key, for webhooks. */
    public Optional<SecretValue> signingKey() {
        return Optional.ofNullable(signingKey);
    }

    /** Name and kind only. */
    @Override
    public String toString() {
        return "SinkTarget[" + config.name() + ", " + config.kind() + "]";
    }
}
