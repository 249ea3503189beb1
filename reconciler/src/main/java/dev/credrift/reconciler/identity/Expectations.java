package dev.credrift.reconciler.identity;

import dev.credrift.api.spec.WebIdentityProvider;
import java.util.Objects;
import java.util.Optional;

/**
 * What a binding expects of an exchange: the subject {@code system:serviceaccount:<ns>:<sa>}, the audience, the role
 * and (Alibaba) the OIDC provider.
 */
public record Expectations(
        WebIdentityProvider provider,
        String subject,
        String audience,
        String roleArn,
        Optional<String> oidcProviderArn) {

    public Expectations {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(roleArn, "roleArn");
        Objects.requireNonNull(oidcProviderArn, "oidcProviderArn");
    }

    /** {@code system:serviceaccount:<namespace>:<serviceAccount>}, the {@code sub} Kubernetes puts in its tokens. */
    public static String subjectOf(String namespace, String serviceAccount) {
        return "system:serviceaccount:" + namespace + ":" + serviceAccount;
    }
}
