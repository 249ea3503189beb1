package dev.credrift.reconciler.identity;

import dev.credrift.events.credential.SecretValue;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code POST /api/v1/namespaces/<ns>/serviceaccounts/<sa>/token} through fabric8 (needs RBAC {@code create} on
 * {@code serviceaccounts/token}). The token never leaves its {@link SecretValue}.
 */
public final class KubeServiceAccountTokens implements ServiceAccountTokens {

    private final KubernetesClient client;

    public KubeServiceAccountTokens(KubernetesClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public Optional<SecretValue> request(String namespace, String serviceAccount, String audience, Duration lifetime) {
        TokenRequest request = new TokenRequestBuilder()
                .withNewSpec()
                .withAudiences(audience)
                .withExpirationSeconds(lifetime.toSeconds())
                .endSpec()
                .build();
        TokenRequest answer;
        try {
            answer = client.serviceAccounts()
                    .inNamespace(namespace)
                    .withName(serviceAccount)
                    .tokenRequest(request);
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
        if (answer == null
                || answer.getStatus() == null
                || answer.getStatus().getToken() == null
                || answer.getStatus().getToken().isEmpty()) {
            throw new KubernetesClientException("the TokenRequest for ServiceAccount " + namespace + "/"
                    + serviceAccount + " came back without a token");
        }
        return Optional.of(SecretValue.of(answer.getStatus().getToken()));
    }
}
