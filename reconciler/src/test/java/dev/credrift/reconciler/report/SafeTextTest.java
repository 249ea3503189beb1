package dev.credrift.reconciler.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.reconciler.cache.InformerReads;
import dev.credrift.reconciler.rotate.rgw.RgwAdminException;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class SafeTextTest {

    private static final String PLANTED = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    @Test
    void shouldNeverQuoteAThirdPartyMessageWhenDescribingAFailure() {
        KubernetesClientException api = new KubernetesClientException(new StatusBuilder()
                .withCode(422)
                .withReason("Invalid")
                .withMessage("data.secret: " + PLANTED)
                .build());

        assertThat(SafeText.of(api)).isEqualTo("the Kubernetes API answered HTTP 422 Invalid");
        assertThat(SafeText.of(new IllegalStateException(PLANTED)))
                .isEqualTo("unexpected IllegalStateException")
                .doesNotContain(PLANTED);
        assertThat(SafeText.code(api)).isEqualTo("KUBERNETES_API_ERROR");
    }

    @Test
    void shouldLookThroughWrappersWhenTheCauseIsATimeout() {
        assertThat(SafeText.of(new CompletionException(new TimeoutException(PLANTED))))
                .isEqualTo("the call took longer than its time limit");
        assertThat(SafeText.code(new CompletionException(new TimeoutException())))
                .isEqualTo("TIMED_OUT");
    }

    @Test
    void shouldQuoteCredriftsOwnMessageWhenTheCachesOrRgwAdminOpsFailed() {
        RgwAdminException rgw = new RgwAdminException(
                RgwAdminException.Kind.NO_SUCH_USER,
                "NoSuchUser",
                "RGW endpoint 'http://rgw:7480' user rm (uid loki) answered HTTP 404 NoSuchUser");
        InformerReads.CacheNotReady cache =
                new InformerReads.CacheNotReady("the caches of namespace tracing have not synced yet", null);

        assertThat(SafeText.of(new CompletionException(rgw))).isEqualTo(rgw.getMessage());
        assertThat(SafeText.code(rgw)).isEqualTo("STORE_ADMIN_NO_SUCH_USER");
        assertThat(SafeText.of(cache)).isEqualTo("the caches of namespace tracing have not synced yet");
        assertThat(SafeText.code(cache)).isEqualTo("CACHE_NOT_READY");
    }

    @Test
    void shouldClipLongDetailsWhenTheyExceedWhatAnOutcomeTakes() {
        String clipped = SafeText.clip("x".repeat(1500));

        assertThat(clipped).hasSize(1000).endsWith("\u2026");
        assertThat(SafeText.clip("")).isEqualTo("-");
    }
}
