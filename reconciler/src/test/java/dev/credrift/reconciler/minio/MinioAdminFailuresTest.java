package dev.credrift.reconciler.minio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.reconciler.minio.MinioAdminException.Kind;
import dev.credrift.reconciler.report.SafeText;
import dev.credrift.reconciler.resilience.Transient;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** MinIO's error codes → typed failures; what is retried; what is said (never the raw body). */
class MinioAdminFailuresTest {

    private static final String WHERE = "MinIO admin API at http://minio:9000: add service account t…o";

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "InvalidAccessKeyId, ADMIN_CREDENTIAL_REJECTED, false",
        "SignatureDoesNotMatch, ADMIN_CREDENTIAL_REJECTED, false",
        "AccessDenied, ADMIN_NOT_PERMITTED, false",
        "XMinioAdminServiceAccountExists, ACCOUNT_EXISTS, false",
        "XMinioServerNotInitialized, UNAVAILABLE, true",
        "SlowDown, UNAVAILABLE, true",
        "XMinioAdminConfigBadJSON, REFUSED, false"
    })
    void shouldTypeTheFailureWhenMinioAnswersACode(String code, Kind kind, boolean retryable) {
        MinioAdminException e = MinioAdmin.byCode(WHERE, code);

        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.retryable()).isEqualTo(retryable);
        assertThat(Transient.storeAdmin(new CompletionException(e))).isEqualTo(retryable);
        assertThat(e.getMessage()).startsWith(WHERE).contains(code);
    }

    @Test
    void shouldQuoteOnlyItsOwnMessageAndCodeWhenDescribedForOutcomes() {
        MinioAdminException e = MinioAdmin.byCode(WHERE, "SignatureDoesNotMatch");

        assertThat(SafeText.of(e)).isEqualTo(e.getMessage()).contains("adminSecretRef");
        assertThat(SafeText.code(e)).isEqualTo("STORE_ADMIN_ADMIN_CREDENTIAL_REJECTED");
    }

    @Test
    void shouldNotRetryWhenTheFailureIsNotTheAdminApis() {
        assertThat(Transient.storeAdmin(new IllegalStateException("boom"))).isFalse();
    }
}
