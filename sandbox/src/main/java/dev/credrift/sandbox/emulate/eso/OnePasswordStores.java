package dev.credrift.sandbox.emulate.eso;

import dev.credrift.events.credential.SecretValue;
import dev.credrift.sandbox.emulate.EmulatedKinds;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ESO's store lookup for the {@code onepassword} provider: reads the referenced SecretStore and its Connect token
 * Secret and answers a {@link OnePasswordProvider} for them, or a {@link ProviderException} saying, as ESO does,
 * which part of the reference is missing or wrong. {@code SecretStore} and {@code ClusterSecretStore} references
 * are followed; a ClusterSecretStore's {@code spec.conditions[].namespaces} are honoured (label selectors are not).
 */
final class OnePasswordStores implements SecretSource.Resolver {

    private final KubernetesClient client;
    private final HttpClient http;

    /**
     * @param client where SecretStores and token Secrets live
     * @param http   how the provider reaches 1Password Connect
     */
    OnePasswordStores(KubernetesClient client, HttpClient http) {
        this.client = client;
        this.http = http;
    }

    @Override
    public SecretSource resolve(String namespace, String kind, String name) throws ProviderException {
        if (name == null || name.isEmpty()) {
            throw new ProviderException("spec.secretStoreRef.name is required");
        }
        boolean cluster = "ClusterSecretStore".equals(kind);
        if (!cluster && !"SecretStore".equals(kind)) {
            throw new ProviderException(
                    "spec.secretStoreRef.kind must be SecretStore or ClusterSecretStore, not " + kind);
        }
        GenericKubernetesResource store = cluster
                ? client.genericKubernetesResources(EmulatedKinds.CLUSTER_SECRET_STORE)
                        .withName(name)
                        .get()
                : client.genericKubernetesResources(EmulatedKinds.SECRET_STORE)
                        .inNamespace(namespace)
                        .withName(name)
                        .get();
        String what = cluster ? "ClusterSecretStore " + name : "SecretStore " + namespace + "/" + name;
        if (store == null) {
            throw new ProviderException("could not get store: " + what + " not found");
        }
        if (cluster && !allows(store, namespace)) {
            throw new ProviderException("using cluster store \"" + name + "\" is not allowed from namespace \""
                    + namespace + "\": denied by spec.condition");
        }
        return provider(store, what, cluster ? null : namespace);
    }

    // ESO's ClusterSecretStore conditions: any listed namespace admits; label selectors are not emulated
    private static boolean allows(GenericKubernetesResource store, String namespace) {
        if (!(store.<Object>get("spec", "conditions") instanceof List<?> conditions) || conditions.isEmpty()) {
            return true;
        }
        for (Object condition : conditions) {
            if (condition instanceof Map<?, ?> map
                    && map.get("namespaces") instanceof List<?> namespaces
                    && namespaces.contains(namespace)) {
                return true;
            }
        }
        return false;
    }

    // the provider of one store; a SecretStore's token Secret defaults to its own namespace, a ClusterSecretStore's
    // must name one
    private SecretSource provider(GenericKubernetesResource store, String what, String defaultNamespace)
            throws ProviderException {
        Map<String, Object> onePassword = store.get("spec", "provider", "onepassword");
        if (onePassword == null) {
            throw new ProviderException(
                    what + " has no onepassword provider; the sandbox emulates only 1Password Connect");
        }
        Object host = onePassword.get("connectHost");
        if (!(host instanceof String connectHost) || connectHost.isEmpty()) {
            throw new ProviderException(what + ": connectHost is required");
        }
        Map<String, Integer> vaults = new LinkedHashMap<>();
        if (onePassword.get("vaults") instanceof Map<?, ?> raw) {
            for (Map.Entry<?, ?> entry : raw.entrySet()) {
                vaults.put(
                        String.valueOf(entry.getKey()),
                        entry.getValue() instanceof Number n ? n.intValue() : Integer.MAX_VALUE);
            }
        }
        Map<String, Object> tokenRef =
                store.get("spec", "provider", "onepassword", "auth", "secretRef", "connectTokenSecretRef");
        if (tokenRef == null
                || !(tokenRef.get("name") instanceof String tokenSecret)
                || !(tokenRef.get("key") instanceof String tokenKey)) {
            throw new ProviderException(what + ": auth.secretRef.connectTokenSecretRef must name a Secret and a key");
        }
        String tokenNamespace = tokenRef.get("namespace") instanceof String ns ? ns : defaultNamespace;
        if (tokenNamespace == null) {
            throw new ProviderException(
                    what + ": auth.secretRef.connectTokenSecretRef.namespace is required in a ClusterSecretStore");
        }
        Secret secret = client.secrets()
                .inNamespace(tokenNamespace)
                .withName(tokenSecret)
                .get();
        String encoded = secret == null || secret.getData() == null
                ? null
                : secret.getData().get(tokenKey);
        if (encoded == null) {
            throw new ProviderException("could not get Connect token: Secret " + tokenNamespace + "/" + tokenSecret
                    + " or its key " + tokenKey + " does not exist");
        }
        SecretValue token = SecretValue.fromUtf8(Base64.getDecoder().decode(encoded));
        URI uri;
        try {
            uri = URI.create(connectHost);
        } catch (IllegalArgumentException e) {
            throw new ProviderException(what + ": connectHost is not a URL");
        }
        return new OnePasswordProvider(http, uri, token, vaults);
    }
}
