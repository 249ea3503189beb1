package dev.credrift.watcher.observe;

import static dev.credrift.watcher.fixtures.Fixtures.b64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.credrift.events.credential.Credential;
import dev.credrift.events.credential.Fingerprinter;
import dev.credrift.events.payload.ObservedCredential;
import dev.credrift.events.payload.Problem;
import dev.credrift.events.payload.ProblemCode;
import dev.credrift.watcher.fixtures.Fixtures;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialReaderTest {

    private static final String SECRET = "PLANTED-wJalrXUtnFEMI/K7MDENG";
    private static final Fingerprinter FINGERPRINTER =
            new Fingerprinter("a test fingerprint key".getBytes(StandardCharsets.UTF_8));

    private final CredentialReader reader = new CredentialReader(FINGERPRINTER);

    @Test
    void shouldFingerprintAndMaskWhenBothKeysHoldText() {
        Secret secret = Fixtures.rookSecret("loki", "AKIAIOSFODNN7EXAMPLE", SECRET);

        CredentialReader.Read read = reader.read(secret, "AccessKey", "SecretKey");

        ObservedCredential credential = read.credential().orElseThrow();
        assertThat(credential.fingerprint())
                .isEqualTo(FINGERPRINTER.fingerprint(Credential.of("AKIAIOSFODNN7EXAMPLE", SECRET)));
        assertThat(credential.accessKeyId().value()).isEqualTo("AKIA\u2026MPLE");
        assertThat(read.problems()).isEmpty();
    }

    @Test
    void shouldReportEmptyDataWhenTheSecretHasNone() {
        Secret secret = Fixtures.secret("m", "s", Map.of(), Map.of());

        assertThat(reader.read(secret, "a", "b").problems())
                .extracting(Problem::code, Problem::field)
                .containsExactly(tuple(ProblemCode.EMPTY_DATA, "data"));
    }

    @Test
    void shouldReportEachMissingEmptyOrUndecodableKeyByName() {
        Secret secret = Fixtures.secret("m", "s", Map.of(), Map.of("AccessKey", "", "Other", b64("x")));

        CredentialReader.Read read = reader.read(secret, "AccessKey", "SecretKey");

        assertThat(read.credential()).isEmpty();
        assertThat(read.problems())
                .extracting(Problem::code, Problem::field)
                .containsExactly(
                        tuple(ProblemCode.EMPTY_DATA, "data.AccessKey"),
                        tuple(ProblemCode.MISSING_KEY, "data.SecretKey"));
        assertThat(reader.read(
                                Fixtures.secret("m", "s", Map.of(), Map.of("A", "!!not-base64!!", "B", b64("x"))),
                                "A",
                                "B")
                        .problems())
                .extracting(Problem::code)
                .containsExactly(ProblemCode.INVALID_VALUE);
    }

    @Test
    void shouldReportNotUtf8WithoutTheBytesWhenAValueIsBinary() {
        byte[] binary = {(byte) 0xff, (byte) 0xfe, 'P', 'L', 'A', 'N', 'T', 'E', 'D'};
        Secret secret = Fixtures.secret("m", "s", Map.of(), Map.of("id", b64("AKIAX"), "key", b64(binary)));

        CredentialReader.Read read = reader.read(secret, "id", "key");

        assertThat(read.credential()).isEmpty();
        assertThat(read.problems())
                .extracting(Problem::code, Problem::field)
                .containsExactly(tuple(ProblemCode.NOT_UTF8, "data.key"));
        assertThat(read.problems().get(0).message()).doesNotContain("PLANTED");
    }

    @Test
    void shouldReportAnInvalidValueWhenTheAccessKeyIdHasControlCharacters() {
        Secret secret = Fixtures.secret("m", "s", Map.of(), Map.of("id", b64("AKIA\nX"), "key", b64(SECRET)));

        CredentialReader.Read read = reader.read(secret, "id", "key");

        assertThat(read.problems()).extracting(Problem::code).containsExactly(ProblemCode.INVALID_VALUE);
        assertThat(read.problems().toString()).doesNotContain(SECRET);
    }
}
