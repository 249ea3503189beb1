package dev.credrift.reconciler.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class SafeTextTest {

    private static final String PLANTED = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    @Test
    void shouldNeverQuoteAThirdPartyMessageWhenDescribingAFailure() {
        KubernetesClientException api = new KubernetesClientException(new StatusBuilder().withCode(422)
                .withReason("Invalid").withMessage("data.secret: " + PLANTED).build());

        assertThat(SafeText.of(api)).isEqualTo("the Kubernetes API answered HTTP 422 Invalid");
        assertThat(SafeText.of(new IllegalStateException(PLANTED))).isEqualTo("unexpected IllegalStateException")
                .doesNotContain(PLANTED);
        assertThat(SafeText.code(api)).isEqualTo("KUBERNETES_API_ERROR");
    }

    @Test
    void shouldLookThroughWrappersWhenTheCauseIsATimeout() {
        assertThat(SafeText.of(new CompletionException(new TimeoutException(PLANTED))))
                .isEqualTo("the call took longer than its time limit");
        assertThat(SafeText.code(new CompletionException(new TimeoutException()))).isEqualTo("TIMED_OUT");
    }

    @Test
    void shouldClipLongDetailsWhenTheyExceedWhatAnOutcomeTakes() {
        String clipped = SafeText.clip("x".repeat(1500));

        assertThat(clipped).hasSize(1000).endsWith("\u2026");
        assertThat(SafeText.clip("")).isEqualTo("-");
    }
}
