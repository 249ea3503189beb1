package dev.credrift.sandbox.sts;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.credrift.events.credential.SecretValue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The cluster's service-account token issuer (what EKS or ACK publish as the OIDC issuer): an RSA key whose public
 * half is the JWKS the STS stand-ins verify against, and tokens shaped like the TokenRequest API's
 * ({@code sub = system:serviceaccount:<ns>:<sa>}, {@code aud}, {@code exp}, {@code kubernetes.io}).
 *
 * <p>Thread-safe. Every token it hands out is remembered (in memory) so that tests can scan outputs for them.
 */
public final class OidcIssuer {

    private final String issuer;
    private final RSAKey key;
    private final Clock clock;
    private final ConcurrentLinkedQueue<String> issued = new ConcurrentLinkedQueue<>();

    private OidcIssuer(String issuer, RSAKey key, Clock clock) {
        this.issuer = issuer;
        this.key = key;
        this.clock = clock;
    }

    /** An issuer with a fresh 2048-bit RSA key. */
    public static OidcIssuer create(String issuerUrl, Clock clock) {
        return new OidcIssuer(Objects.requireNonNull(issuerUrl, "issuerUrl"), generate(), clock);
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyID(UUID.randomUUID().toString())
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate the OIDC issuer's RSA key", e);
        }
    }

    /** The {@code iss} of its tokens. */
    public String issuer() {
        return issuer;
    }

    /** The public keys, as {@code /keys} (jwks_uri) would serve them. */
    public JWKSet jwks() {
        return new JWKSet(key.toPublicJWK());
    }

    /** A token as the TokenRequest API issues it for {@code namespace/serviceAccount}. */
    public SecretValue serviceAccountToken(
            String namespace, String serviceAccount, List<String> audiences, Duration lifetime) {
        return sign(
                claims("system:serviceaccount:" + namespace + ":" + serviceAccount, audiences, lifetime)
                        .claim(
                                "kubernetes.io",
                                Map.of(
                                        "namespace",
                                        namespace,
                                        "serviceaccount",
                                        Map.of(
                                                "name",
                                                serviceAccount,
                                                "uid",
                                                UUID.randomUUID().toString())))
                        .build(),
                key);
    }

    /** A token with any subject, already expired {@code ago}. */
    public SecretValue expiredToken(String subject, List<String> audiences, Duration ago) {
        Instant now = clock.instant();
        return sign(
                new JWTClaimsSet.Builder()
                        .issuer(issuer)
                        .subject(subject)
                        .audience(audiences)
                        .issueTime(Date.from(now.minus(ago).minusSeconds(3600)))
                        .notBeforeTime(Date.from(now.minus(ago).minusSeconds(3600)))
                        .expirationTime(Date.from(now.minus(ago)))
                        .build(),
                key);
    }

    /** A token signed by another key than the JWKS's (a forged or foreign token). */
    public SecretValue foreignToken(String subject, List<String> audiences, Duration lifetime) {
        return sign(claims(subject, audiences, lifetime).build(), generate());
    }

    /** A token without signature ({@code alg: none}). */
    public SecretValue unsignedToken(String subject, List<String> audiences, Duration lifetime) {
        String token = new PlainJWT(claims(subject, audiences, lifetime).build()).serialize();
        issued.add(token);
        return SecretValue.of(token);
    }

    /** A token of another issuer, signed with this issuer's key. */
    public SecretValue tokenOfIssuer(String otherIssuer, String subject, List<String> audiences, Duration lifetime) {
        return sign(claims(subject, audiences, lifetime).issuer(otherIssuer).build(), key);
    }

    /** Every token handed out so far. */
    public List<String> issuedTokens() {
        return List.copyOf(issued);
    }

    private JWTClaimsSet.Builder claims(String subject, List<String> audiences, Duration lifetime) {
        Instant now = clock.instant();
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .audience(audiences)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString());
    }

    private SecretValue sign(JWTClaimsSet claims, RSAKey signingKey) {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(signingKey.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        try {
            jwt.sign(new RSASSASigner(signingKey));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
        String token = jwt.serialize();
        issued.add(token);
        return SecretValue.of(token);
    }

    @Override
    public String toString() {
        return "OidcIssuer[" + issuer + "]";
    }
}
