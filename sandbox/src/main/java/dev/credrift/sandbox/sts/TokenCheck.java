package dev.credrift.sandbox.sts;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Verifies a web-identity token as an STS does, in its order: well-formed, signed, by the provider's key (JWKS),
 * issued by the provider's issuer, not expired, for one of the provider's audiences. Answers with what failed; never
 * with the token. Pure apart from the clock.
 */
final class TokenCheck {

    /** What was wrong with a token. */
    enum Problem {
        MALFORMED,
        UNSIGNED,
        BAD_SIGNATURE,
        ISSUER_MISMATCH,
        EXPIRED,
        AUDIENCE
    }

    /** The outcome. */
    sealed interface Result permits Valid, Invalid {}

    /** A verified token's claims. */
    record Valid(JWTClaimsSet claims) implements Result {
        String subject() {
            return claims.getSubject();
        }

        List<String> audiences() {
            return claims.getAudience() == null ? List.of() : claims.getAudience();
        }
    }

    /** Why a token was refused; {@code detail} names claims (iss, exp), never the token. */
    record Invalid(Problem problem, String detail) implements Result {}

    private final Clock clock;

    TokenCheck(Clock clock) {
        this.clock = clock;
    }

    /** The token's {@code iss} without verifying anything (AWS looks the provider up by it). */
    static Optional<String> unverifiedIssuer(String token) {
        try {
            return Optional.ofNullable(JWTParser.parse(token).getJWTClaimsSet().getIssuer());
        } catch (ParseException | RuntimeException e) {
            return Optional.empty();
        }
    }

    Result check(String token, OidcProvider provider) {
        JWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = JWTParser.parse(token);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException | RuntimeException e) {
            return new Invalid(Problem.MALFORMED, "not a JWT");
        }
        if (jwt instanceof PlainJWT || !(jwt instanceof SignedJWT signed)) {
            return new Invalid(Problem.UNSIGNED, "the token is not signed");
        }
        if (!verified(signed, provider)) {
            return new Invalid(Problem.BAD_SIGNATURE, "the signature does not match a key of " + provider.issuerUrl());
        }
        if (!provider.issuerUrl().equals(claims.getIssuer())) {
            return new Invalid(
                    Problem.ISSUER_MISMATCH, "iss " + claims.getIssuer() + " is not " + provider.issuerUrl());
        }
        Instant now = clock.instant();
        if (claims.getExpirationTime() == null
                || !now.isBefore(claims.getExpirationTime().toInstant())) {
            return new Invalid(
                    Problem.EXPIRED,
                    "expired at "
                            + (claims.getExpirationTime() == null
                                    ? "(no exp)"
                                    : claims.getExpirationTime().toInstant()) + ", now " + now);
        }
        List<String> audiences = claims.getAudience() == null ? List.of() : claims.getAudience();
        if (audiences.stream().noneMatch(provider.clientIds()::contains)) {
            return new Invalid(Problem.AUDIENCE, "aud " + audiences + " is none of " + provider.clientIds());
        }
        return new Valid(claims);
    }

    private static boolean verified(SignedJWT jwt, OidcProvider provider) {
        if (!JWSAlgorithm.Family.RSA.contains(jwt.getHeader().getAlgorithm())) {
            return false;
        }
        String kid = jwt.getHeader().getKeyID();
        for (JWK key : provider.jwks().getKeys()) {
            if (key instanceof RSAKey rsa && (kid == null || kid.equals(rsa.getKeyID()))) {
                try {
                    if (jwt.verify(new RSASSAVerifier(rsa))) {
                        return true;
                    }
                } catch (JOSEException e) {
                    // not this key
                }
            }
        }
        return false;
    }
}
