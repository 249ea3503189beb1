package dev.credrift.reconciler.identity;

import dev.credrift.api.spec.WebIdentityProvider;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns an STS refusal into an {@link IdentityDiagnosis}: the provider's code says which check failed, the token's
 * claims (read, not verified) and the binding's expectations say what was presented and what was expected. Pure.
 */
public final class Diagnoser {

    /**
     * @param claims the exchanged token's claims, when it is a JWT
     */
    public IdentityDiagnosis diagnose(
            StsReply.Refused refused, Expectations expected, Optional<TokenClaims> claims, Instant now) {
        String code = refused.code();
        String message = refused.message().toLowerCase(Locale.ROOT);
        String sts = (expected.provider() == WebIdentityProvider.ALIBABA
                        ? "Alibaba Cloud STS AssumeRoleWithOIDC"
                        : "AWS STS AssumeRoleWithWebIdentity")
                + " refused the token (" + code + ", HTTP "
                + refused.httpStatus() + "): ";
        String sub = claims.flatMap(TokenClaims::subject).orElse(expected.subject());
        List<String> aud =
                claims.map(TokenClaims::audiences).filter(a -> !a.isEmpty()).orElse(List.of(expected.audience()));
        String iss = claims.flatMap(TokenClaims::issuer).orElse("(none)");
        Mismatch mismatch = classify(expected.provider(), code, message, claims);
        String detail = switch (mismatch) {
            case SUBJECT ->
                "role " + expected.roleArn()
                        + (sub.equals(expected.subject())
                                ? " does not trust the expected sub " + sub
                                : " does not trust sub " + sub + " (expected " + expected.subject() + ")")
                        + ": its trust policy lacks this sub"
                        + (expected.provider() == WebIdentityProvider.AWS
                                ? " (or an aud condition does not match, or the role does not exist: AWS answers all three"
                                        + " alike)"
                                : "");
            case AUDIENCE ->
                "audience " + aud + " is not accepted by the OIDC provider (expected "
                        + expected.audience() + "; add it to the provider's client ids, or fix spec.source.webIdentity"
                        + ".audience)";
            case ROLE -> "role " + expected.roleArn() + " does not exist";
            case EXPIRED ->
                "the token for " + sub + " had expired"
                        + claims.flatMap(TokenClaims::expiresAt)
                                .map(exp -> " at " + exp + " (now " + now + ")")
                                .orElse("");
            case UNSIGNED -> "the token for " + sub + " is unsigned (alg none); STS accepts signed tokens only";
            case SIGNATURE ->
                "the token's signature does not match a key of the issuer's JWKS (issuer " + iss
                        + "): the cluster's service-account signing key is not the one the OIDC provider publishes";
            case ISSUER -> "no OIDC provider is registered for the token's issuer " + iss;
            case PROVIDER -> "OIDC provider " + expected.oidcProviderArn().orElse("(none)") + " is not registered";
            case OTHER -> refused.message().isEmpty() ? "no reason given" : refused.message();
        };
        return new IdentityDiagnosis(
                mismatch,
                code,
                sts + mismatch.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " mismatch: " + detail);
    }

    private static Mismatch classify(
            WebIdentityProvider provider, String code, String message, Optional<TokenClaims> claims) {
        boolean unsigned = claims.map(TokenClaims::unsigned).orElse(false);
        if (provider == WebIdentityProvider.ALIBABA) {
            return switch (code) {
                case "AuthenticationFail.OIDCToken.Expired" -> Mismatch.EXPIRED;
                case "AuthenticationFail.OIDCToken.AudienceNotMatch" -> Mismatch.AUDIENCE;
                case "AuthenticationFail.OIDCToken.InvalidSignature" ->
                    unsigned ? Mismatch.UNSIGNED : Mismatch.SIGNATURE;
                case "AuthenticationFail.OIDCToken.IssuerNotMatch" -> Mismatch.ISSUER;
                case "AuthenticationFail.OIDCToken.Invalid" -> unsigned ? Mismatch.UNSIGNED : Mismatch.OTHER;
                case "EntityNotExist.Role" -> Mismatch.ROLE;
                case "AuthenticationFail.NoPermission" ->
                    message.contains("oidc provider") ? Mismatch.PROVIDER : Mismatch.SUBJECT;
                case "NoPermission" -> Mismatch.SUBJECT;
                default -> Mismatch.OTHER;
            };
        }
        return switch (code) {
            case "ExpiredTokenException", "ExpiredToken" -> Mismatch.EXPIRED;
            case "AccessDenied", "IDPRejectedClaim" -> Mismatch.SUBJECT;
            case "InvalidIdentityToken" -> {
                if (message.contains("audience")) {
                    yield Mismatch.AUDIENCE;
                }
                if (message.contains("no openidconnect provider")) {
                    yield Mismatch.ISSUER;
                }
                if (unsigned || message.contains("not signed")) {
                    yield Mismatch.UNSIGNED;
                }
                if (message.contains("signature")) {
                    yield Mismatch.SIGNATURE;
                }
                yield Mismatch.OTHER;
            }
            default -> Mismatch.OTHER;
        };
    }
}
