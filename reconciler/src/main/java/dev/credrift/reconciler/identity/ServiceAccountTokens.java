package dev.credrift.reconciler.identity;

import dev.credrift.events.credential.SecretValue;
import java.time.Duration;
import java.util.Optional;

/** Tokens for a ServiceAccount, as its pods would get them (projected volume), from the TokenRequest API. */
public interface ServiceAccountTokens {

    /**
     * Blocking.
     *
     * @return the token, or empty when the ServiceAccount does not exist
     * @throws io.fabric8.kubernetes.client.KubernetesClientException on API failures (the Kubernetes guard retries
     *                                                                 the transient ones)
     */
    Optional<SecretValue> request(String namespace, String serviceAccount, String audience, Duration lifetime);
}
