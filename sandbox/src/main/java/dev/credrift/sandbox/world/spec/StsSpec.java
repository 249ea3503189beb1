package dev.credrift.sandbox.world.spec;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The STS stand-ins of a world (stories 4 and 5): the cluster's service-account token issuer and, per cloud, the
 * OIDC provider registered with the account and the roles that trust it.
 *
 * @param issuer          the {@code iss} of the cluster's service-account tokens
 * @param sessionLifetime how long every issued session lasts, whatever is asked (shortened for tests); empty: as asked
 * @param aws             AWS STS ({@code AssumeRoleWithWebIdentity}), if the world has it
 * @param alibaba         Alibaba Cloud STS ({@code AssumeRoleWithOIDC}), if the world has it
 */
public record StsSpec(String issuer, Optional<Duration> sessionLifetime, Optional<Cloud> aws, Optional<Cloud> alibaba) {

    /**
     * One cloud account's identity configuration.
     *
     * @param providerArn       the OIDC provider's ARN
     * @param clientIds         the audiences the provider accepts
     * @param roles             roles that can be assumed with a web identity
     * @param requestsPerSecond the STS's request limit (Alibaba: 100, its documented limit, by default)
     */
    public record Cloud(
            String providerArn, Set<String> clientIds, List<Role> roles, Optional<Integer> requestsPerSecond) {
        public Cloud {
            clientIds = Set.copyOf(clientIds);
            roles = List.copyOf(roles);
        }
    }

    /**
     * A role and its trust policy.
     *
     * @param storeUser the store user whose permissions the role's sessions get
     * @param subjects  the {@code sub}s the trust policy admits
     * @param audiences the {@code aud}s its condition requires; empty: no audience condition
     */
    public record Role(String arn, String storeUser, Set<String> subjects, Set<String> audiences) {
        public Role {
            subjects = Set.copyOf(subjects);
            audiences = Set.copyOf(audiences);
        }
    }
}
