package dev.credrift.reconciler.world;

import dev.credrift.events.ContractViolation;
import dev.credrift.events.credential.Credential;
import dev.credrift.events.credential.SecretValue;
import dev.credrift.events.payload.ProblemCode;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a credential out of a Secret's {@code data}. Problems name the Secret and key; values never leave as text
 * except through {@link Credential}.
 */
final class SecretCredentials {

    private SecretCredentials() {}

    /** The credential under these two keys, or why there is none. */
    static Hop<Credential> read(Secret secret, String accessKeyIdKey, String secretKeyKey) {
        String what = "Secret " + secret.getMetadata().getNamespace() + "/"
                + secret.getMetadata().getName();
        Hop<byte[]> id = bytes(secret, what, accessKeyIdKey);
        if (id instanceof Hop.Unreadable<byte[]> problem) {
            return Hop.unreadable(problem.code(), problem.detail());
        }
        Hop<byte[]> key = bytes(secret, what, secretKeyKey);
        if (key instanceof Hop.Unreadable<byte[]> problem) {
            return Hop.unreadable(problem.code(), problem.detail());
        }
        Optional<String> accessKeyId = utf8(id.value().orElseThrow());
        if (accessKeyId.isEmpty()) {
            return Hop.unreadable(ProblemCode.NOT_UTF8, what + " key " + accessKeyIdKey + " is not UTF-8 text");
        }
        try {
            return Hop.read(new Credential(
                    accessKeyId.get(), SecretValue.fromUtf8(key.value().orElseThrow())));
        } catch (ContractViolation e) {
            // the violation names the field and the rule, never the value
            ProblemCode code = "secret".equals(e.field()) ? ProblemCode.NOT_UTF8 : ProblemCode.INVALID_VALUE;
            return Hop.unreadable(
                    code,
                    what + ": "
                            + (code == ProblemCode.NOT_UTF8
                                    ? "key " + secretKeyKey + " is not UTF-8 text"
                                    : "key " + accessKeyIdKey + " " + e.rule()));
        }
    }

    /** One key as text, if present, non-empty and UTF-8 (for non-secret values such as Rook's Endpoint). */
    static Optional<String> text(Secret secret, String key) {
        Hop<byte[]> bytes = bytes(secret, "", key);
        return bytes.value().flatMap(SecretCredentials::utf8);
    }

    private static Hop<byte[]> bytes(Secret secret, String what, String key) {
        Map<String, String> data = secret.getData();
        String encoded = data == null ? null : data.get(key);
        if (encoded == null) {
            return Hop.unreadable(ProblemCode.MISSING_KEY, what + " has no key " + key);
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(encoded.strip());
        } catch (IllegalArgumentException e) {
            return Hop.unreadable(ProblemCode.INVALID_VALUE, what + " key " + key + " is not base64");
        }
        if (decoded.length == 0) {
            return Hop.unreadable(ProblemCode.EMPTY_DATA, what + " key " + key + " is empty");
        }
        return Hop.read(decoded);
    }

    private static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
