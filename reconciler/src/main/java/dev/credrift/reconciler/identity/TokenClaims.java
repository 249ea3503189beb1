package dev.credrift.reconciler.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.credrift.events.credential.SecretValue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The claims of a JWT, read without verifying it (STS verifies; credrift only reads {@code sub}, {@code aud},
 * {@code iss}, {@code exp} and the header's {@code alg} to explain a refusal). None of them is a secret.
 */
public record TokenClaims(
        String algorithm,
        Optional<String> issuer,
        Optional<String> subject,
        List<String> audiences,
        Optional<Instant> expiresAt) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public TokenClaims {
        audiences = List.copyOf(audiences);
    }

    /** The claims, or empty when the token is not a JWT. */
    public static Optional<TokenClaims> read(SecretValue token) {
        String[] parts = token.reveal().split("\\.", -1);
        if (parts.length < 2) {
            return Optional.empty();
        }
        try {
            JsonNode header = JSON.readTree(decode(parts[0]));
            JsonNode payload = JSON.readTree(decode(parts[1]));
            List<String> audiences = new ArrayList<>();
            JsonNode aud = payload.path("aud");
            if (aud.isArray()) {
                aud.forEach(a -> audiences.add(a.asText()));
            } else if (aud.isTextual()) {
                audiences.add(aud.asText());
            }
            return Optional.of(new TokenClaims(
                    header.path("alg").asText("none"),
                    text(payload, "iss"),
                    text(payload, "sub"),
                    audiences,
                    payload.path("exp").canConvertToLong()
                            ? Optional.of(
                                    Instant.ofEpochSecond(payload.path("exp").asLong()))
                            : Optional.empty()));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** Whether the token carries no signature ({@code alg: none}). */
    public boolean unsigned() {
        return "none".equalsIgnoreCase(algorithm);
    }

    private static Optional<String> text(JsonNode node, String field) {
        return node.hasNonNull(field) ? Optional.of(node.get(field).asText()) : Optional.empty();
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }
}
