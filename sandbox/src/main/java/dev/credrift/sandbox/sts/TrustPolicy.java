package dev.credrift.sandbox.sts;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Who may assume a role: tokens of the provider {@code providerArn} (the {@code Principal.Federated}) whose
 * {@code sub} is one of {@code subjects} ({@code StringEquals <issuer>:sub} / {@code oidc:sub}) and, when
 * {@code audiences} is not empty, whose {@code aud} is one of them ({@code <issuer>:aud} / {@code oidc:aud}).
 */
public record TrustPolicy(String providerArn, Set<String> subjects, Set<String> audiences) {

    public TrustPolicy {
        Objects.requireNonNull(providerArn, "providerArn");
        subjects = Set.copyOf(subjects);
        audiences = Set.copyOf(audiences);
    }

    /** Whether a verified token of {@code provider} with this subject and audiences may assume the role. */
    public boolean admits(String provider, String subject, List<String> tokenAudiences) {
        return providerArn.equals(provider)
                && subjects.contains(subject)
                && (audiences.isEmpty() || tokenAudiences.stream().anyMatch(audiences::contains));
    }
}
