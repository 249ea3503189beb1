package dev.credrift.reconciler.rotate.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.events.credential.Credential;
import dev.credrift.events.payload.ObjectRef;
import dev.credrift.events.payload.ProblemCode;
import dev.credrift.reconciler.world.Hop;
import dev.credrift.reconciler.world.SourceValue;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A plain RGW user's old key is revoked only once its source Secret holds another ({@link SourceSecretCopy}). */
class SourceSecretCopyTest {

    private static final String OLD = "OLDKEY0000000000OLD1";
    private static final String SECRET = "s3cr3t-of-forty-characters-0000000000000";
    private static final String WHERE = "the source Secret storage/loki-s3-source";

    @Test
    void shouldRefuseTheRevokeWhenTheSourceSecretStillHoldsTheOldKey() {
        Optional<String> refusal = SourceSecretCopy.refusal(source(OLD), OLD, WHERE);

        assertThat(refusal)
                .hasValueSatisfying(reason -> assertThat(reason)
                        .startsWith(WHERE + " still holds the old key ")
                        .endsWith(": not revoking it (the source Secret must end on the new key)")
                        .doesNotContain(OLD)
                        .doesNotContain(SECRET));
    }

    @Test
    void shouldRefuseTheRevokeWhenTheSourceSecretCannotBeRead() {
        Optional<String> refusal = SourceSecretCopy.refusal(
                Hop.unreadable(ProblemCode.MISSING_OBJECT, "Secret storage/loki-s3-source not found"), OLD, WHERE);

        assertThat(refusal)
                .contains(WHERE + " cannot be read (Secret storage/loki-s3-source not found): not revoking the old key"
                        + " while it may still hold it");
    }

    @Test
    void shouldLetRgwRevokeWhenTheSourceSecretHoldsTheNewKey() {
        assertThat(SourceSecretCopy.refusal(source("NEWKEY0000000000NEW1"), OLD, WHERE))
                .isEmpty();
    }

    private static Hop<SourceValue> source(String accessKeyId) {
        return Hop.read(new SourceValue(
                new ObjectRef("storage", "loki-s3-source"), Credential.of(accessKeyId, SECRET), Optional.empty()));
    }
}
