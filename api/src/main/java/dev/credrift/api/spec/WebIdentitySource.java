package dev.credrift.api.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * No static keys: pods exchange a projected service-account token for temporary keys (stories 4 and 5).
 *
 * @param provider        {@code aws} (IRSA) or {@code alibaba} (RRSA)
 * @param roleArn         the role to assume ({@code arn:aws:iam::…:role/…} or {@code acs:ram::…:role/…})
 * @param oidcProviderArn the RAM OIDC provider ARN; required for {@code alibaba}, ignored for {@code aws}
 * @param serviceAccount  the ServiceAccount (binding's namespace) whose token is exchanged
 * @param audience        the token audience; absent means {@link WebIdentityProvider#defaultAudience()}
 * @param stsEndpoint     the STS endpoint; absent means {@link WebIdentityProvider#defaultStsEndpoint()}
 * @param region          the STS region, when a regional endpoint is wanted
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record WebIdentitySource(
        WebIdentityProvider provider,
        String roleArn,
        String oidcProviderArn,
        String serviceAccount,
        String audience,
        String stsEndpoint,
        String region)
        implements SourceKind {

    /** The audience to expect in the token: the declared one, or the provider's default. */
    @JsonIgnore
    public String effectiveAudience() {
        return audience != null ? audience : provider == null ? null : provider.defaultAudience();
    }

    /** The STS endpoint to call: the declared one, or the provider's global endpoint. */
    @JsonIgnore
    public String effectiveStsEndpoint() {
        return stsEndpoint != null ? stsEndpoint : provider == null ? null : provider.defaultStsEndpoint();
    }

    @Override
    public String fieldName() {
        return "webIdentity";
    }
}
