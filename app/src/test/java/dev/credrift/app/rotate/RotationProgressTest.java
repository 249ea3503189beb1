package dev.credrift.app.rotate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RotationProgressTest {

    private static final String TOKEN = "2026-12-07T16:30:00.123Z";

    @Test
    void shouldSeeNothingWhenTheStatusIsAboutAnEarlierRequest() {
        Map<String, Object> status =
                Map.of("rotation", Map.of("phase", "Completed", "lastRequest", "2026-11-01T00:00:00Z"));

        assertThat(RotationProgress.of(status, TOKEN)).isEmpty();
        assertThat(RotationProgress.of(Map.of(), TOKEN)).isEmpty();
        assertThat(RotationProgress.of(null, TOKEN)).isEmpty();
    }

    @Test
    void shouldReadPhaseKeyAndMessageWhenTheRequestWasActedOn() {
        Map<String, Object> status = Map.of(
                "rotation",
                Map.of(
                        "phase",
                        "Halted",
                        "lastRequest",
                        TOKEN,
                        "newKey",
                        Map.of("accessKeyId", "S1CF…N6CK", "fingerprint", "sha256:x"),
                        "message",
                        "pod tempo-0 not ready"));

        RotationProgress progress = RotationProgress.of(status, TOKEN).orElseThrow();

        assertThat(progress)
                .isEqualTo(
                        new RotationProgress("Halted", Optional.of("S1CF…N6CK"), Optional.of("pod tempo-0 not ready")));
        assertThat(progress.terminal()).isTrue();
        assertThat(progress.succeeded()).isFalse();
        assertThat(progress.line()).isEqualTo("Halted  new key S1CF…N6CK  pod tempo-0 not ready");
    }

    @Test
    void shouldGoOnWhenThePhaseIsNotTerminal() {
        RotationProgress minting = RotationProgress.of(
                        Map.of("rotation", Map.of("phase", "Minting", "lastRequest", TOKEN)), TOKEN)
                .orElseThrow();

        assertThat(minting.terminal()).isFalse();
        assertThat(minting.line()).isEqualTo("Minting");
    }
}
