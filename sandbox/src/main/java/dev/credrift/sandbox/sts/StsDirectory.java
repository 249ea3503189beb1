package dev.credrift.sandbox.sts;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cloud account's identity configuration that an STS consults: OIDC providers and roles with their trust
 * policies. Edits apply to the very next request (IAM's propagation delay is not modelled). Thread-safe.
 */
public final class StsDirectory {

    private final Map<String, OidcProvider> providers = new ConcurrentHashMap<>();
    private final Map<String, StsRole> roles = new ConcurrentHashMap<>();

    /** Registers (or replaces) a provider. */
    public void addProvider(OidcProvider provider) {
        providers.put(provider.arn(), provider);
    }

    /** Registers (or replaces) a role. */
    public void addRole(StsRole role) {
        roles.put(role.arn(), role);
    }

    /** Replaces a role's trust policy; throws naming the role when it does not exist. */
    public void setTrustPolicy(String roleArn, TrustPolicy trust) {
        StsRole role = role(roleArn).orElseThrow(() -> new IllegalArgumentException("no STS role " + roleArn));
        roles.put(roleArn, new StsRole(roleArn, Objects.requireNonNull(trust, "trust"), role.storeUser()));
    }

    /** Replaces the audiences a provider accepts; throws naming the provider when it does not exist. */
    public void setClientIds(String providerArn, Set<String> clientIds) {
        OidcProvider provider = provider(providerArn)
                .orElseThrow(() -> new IllegalArgumentException("no OIDC provider " + providerArn));
        providers.put(providerArn, provider.withClientIds(clientIds));
    }

    /** Deletes a role; returns whether it existed. */
    public boolean removeRole(String roleArn) {
        return roles.remove(roleArn) != null;
    }

    public Optional<OidcProvider> provider(String arn) {
        return arn == null ? Optional.empty() : Optional.ofNullable(providers.get(arn));
    }

    /** The provider registered for an issuer URL (how AWS finds it: by the token's {@code iss}). */
    public Optional<OidcProvider> providerForIssuer(String issuer) {
        return providers.values().stream()
                .filter(p -> p.issuerUrl().equals(issuer))
                .findFirst();
    }

    public Optional<StsRole> role(String arn) {
        return arn == null ? Optional.empty() : Optional.ofNullable(roles.get(arn));
    }
}
