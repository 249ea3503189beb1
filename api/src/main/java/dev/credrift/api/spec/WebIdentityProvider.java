package dev.credrift.api.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.credrift.api.WireEnum;

/**
 * Who exchanges a projected service-account token for temporary keys: AWS STS {@code AssumeRoleWithWebIdentity}
 * (IRSA) or Alibaba Cloud STS {@code AssumeRoleWithOIDC} (RRSA, which also needs the OIDC provider ARN).
 */
public enum WebIdentityProvider implements WireEnum {
    AWS("aws", "sts.amazonaws.com", "https://sts.amazonaws.com"),
    ALIBABA("alibaba", "sts.aliyuncs.com", "https://sts.aliyuncs.com"),
    UNRECOGNIZED(null, null, null);

    private final String wireName;
    private final String defaultAudience;
    private final String defaultStsEndpoint;

    WebIdentityProvider(String wireName, String defaultAudience, String defaultStsEndpoint) {
        this.wireName = wireName;
        this.defaultAudience = defaultAudience;
        this.defaultStsEndpoint = defaultStsEndpoint;
    }

    @JsonValue
    @Override
    public String wireName() {
        return wireName;
    }

    /** The token audience the provider expects when the binding names none ({@code null} when unrecognised). */
    public String defaultAudience() {
        return defaultAudience;
    }

    /** The global STS endpoint used when the binding names none ({@code null} when unrecognised). */
    public String defaultStsEndpoint() {
        return defaultStsEndpoint;
    }

    @JsonCreator
    public static WebIdentityProvider fromWire(String text) {
        return WireEnum.fromWire(WebIdentityProvider.class, text, UNRECOGNIZED);
    }
}
