package dev.credrift.notifier.config;

import dev.credrift.notifier.webhook.SignatureScheme;
import java.util.Objects;

/**
 * How a webhook sink signs: the scheme and where its key is read from.
 *
 * @param scheme credrift's {@code X-Credrift-Signature} or Standard Webhooks
 * @param key    the signing key (for Standard Webhooks one or more {@code whsec_} secrets, whitespace-separated)
 */
public record Signing(SignatureScheme scheme, SecretSource key) {

    public Signing {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(key, "key");
    }
}
