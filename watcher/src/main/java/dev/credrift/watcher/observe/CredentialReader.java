package dev.credrift.watcher.observe;

import dev.credrift.events.ContractViolation;
import dev.credrift.events.credential.Credential;
import dev.credrift.events.credential.Fingerprinter;
import dev.credrift.events.credential.SecretValue;
import dev.credrift.events.payload.ObservedCredential;
import dev.credrift.events.payload.Problem;
import dev.credrift.events.payload.ProblemCode;
import dev.credrift.watcher.resource.Problems;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an access key pair out of a Secret and turns it into its only publishable form: masked id and fingerprint.
 * Every way a Secret can be wrong (no data, a missing key, an empty value, bytes that are not UTF-8, data that is
 * not base64) becomes a typed problem naming the key, never the value.
 */
public final class CredentialReader {

    /** A credential as observed, or the problems that kept it from being read. */
    public record Read(Optional<ObservedCredential> credential, List<Problem> problems) {
        public Read {
            problems = List.copyOf(problems);
        }
    }

    private final Fingerprinter fingerprinter;

    public CredentialReader(Fingerprinter fingerprinter) {
        this.fingerprinter = fingerprinter;
    }

    /** Reads the pair stored under {@code idKey} and {@code secretKey}. */
    public Read read(Secret secret, String idKey, String secretKey) {
        String what = "Secret " + secret.getMetadata().getNamespace() + "/"
                + secret.getMetadata().getName();
        Map<String, String> data = secret.getData();
        if (data == null || data.isEmpty()) {
            return new Read(
                    Optional.empty(),
                    List.of(Problems.of(
                            ProblemCode.EMPTY_DATA,
                            "data",
                            what + " has no data (note: stringData is only converted by a real API server)")));
        }
        List<Problem> problems = new ArrayList<>();
        byte[] id = value(data, idKey, what, problems);
        byte[] secretBytes = value(data, secretKey, what, problems);
        try {
            if (id == null || secretBytes == null) {
                return new Read(Optional.empty(), problems);
            }
            String accessKeyId = utf8(id);
            if (accessKeyId == null) {
                problems.add(Problems.of(
                        ProblemCode.NOT_UTF8, "data." + idKey, what + ": data." + idKey + " is not valid UTF-8"));
            }
            SecretValue value = null;
            try {
                value = SecretValue.fromUtf8(secretBytes);
            } catch (ContractViolation e) {
                problems.add(Problems.of(
                        ProblemCode.NOT_UTF8,
                        "data." + secretKey,
                        what + ": data." + secretKey + " is not valid UTF-8"));
            }
            if (accessKeyId == null || value == null) {
                return new Read(Optional.empty(), problems);
            }
            Credential credential;
            try {
                credential = new Credential(accessKeyId, value);
            } catch (ContractViolation e) {
                // the rule names the field, never the value
                problems.add(Problems.of(
                        ProblemCode.INVALID_VALUE, "data." + idKey, what + ": data." + idKey + " " + e.rule()));
                return new Read(Optional.empty(), problems);
            }
            return new Read(
                    Optional.of(new ObservedCredential(
                            credential.maskedAccessKeyId(), fingerprinter.fingerprint(credential))),
                    problems);
        } finally {
            wipe(id);
            wipe(secretBytes);
        }
    }

    /** A non-secret value (Rook's {@code Endpoint}): its text, or a problem. */
    public static Optional<String> text(Secret secret, String key, List<Problem> problems) {
        String what = "Secret " + secret.getMetadata().getNamespace() + "/"
                + secret.getMetadata().getName();
        Map<String, String> data = secret.getData();
        if (data == null || !data.containsKey(key)) {
            problems.add(Problems.of(ProblemCode.MISSING_KEY, "data." + key, what + " has no key " + key));
            return Optional.empty();
        }
        byte[] bytes = value(data, key, what, problems);
        if (bytes == null) {
            return Optional.empty();
        }
        String text = utf8(bytes);
        if (text == null) {
            problems.add(
                    Problems.of(ProblemCode.NOT_UTF8, "data." + key, what + ": data." + key + " is not valid UTF-8"));
        }
        return Optional.ofNullable(text);
    }

    private static byte[] value(Map<String, String> data, String key, String what, List<Problem> problems) {
        String field = "data." + key;
        if (!data.containsKey(key)) {
            problems.add(Problems.of(ProblemCode.MISSING_KEY, field, what + " has no key " + key));
            return null;
        }
        String encoded = data.get(key);
        if (encoded == null || encoded.isEmpty()) {
            problems.add(Problems.of(ProblemCode.EMPTY_DATA, field, what + ": " + field + " is empty"));
            return null;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            // the decoder's message names the offending character: drop it
            problems.add(Problems.of(ProblemCode.INVALID_VALUE, field, what + ": " + field + " is not base64"));
            return null;
        }
        if (bytes.length == 0) {
            problems.add(Problems.of(ProblemCode.EMPTY_DATA, field, what + ": " + field + " is empty"));
            return null;
        }
        return bytes;
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static void wipe(byte[] bytes) {
        if (bytes != null) {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
