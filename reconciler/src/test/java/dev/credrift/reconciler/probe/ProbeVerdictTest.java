package dev.credrift.reconciler.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.events.payload.StoreVerdict;
import dev.credrift.reconciler.probe.ProbeVerdict.Accepted;
import dev.credrift.reconciler.probe.ProbeVerdict.Rejected;
import dev.credrift.reconciler.probe.ProbeVerdict.TlsFailure;
import dev.credrift.reconciler.probe.ProbeVerdict.Unreachable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProbeVerdictTest {

    @ParameterizedTest
    @CsvSource({
        "InvalidAccessKeyId, INVALID_ACCESS_KEY_ID, INVALID_ACCESS_KEY_ID",
        "SignatureDoesNotMatch, SIGNATURE_DOES_NOT_MATCH, SIGNATURE_DOES_NOT_MATCH",
        "AccessDenied, ACCESS_DENIED, ACCESS_DENIED",
        "UserSuspended, USER_SUSPENDED, USER_SUSPENDED",
        "NoSuchBucket, NO_SUCH_BUCKET, NO_SUCH_BUCKET",
        "AccountProblem, OTHER, ACCESS_DENIED",
    })
    void shouldClassifyS3CodeWhenStoreRejects(String code, Rejected.Reason reason, StoreVerdict event) {
        Rejected rejected = new Rejected(Rejected.Reason.fromCode(code), code, 403, false);

        assertThat(rejected.reason()).isEqualTo(reason);
        assertThat(rejected.storeVerdict()).isEqualTo(event);
        assertThat(rejected.accepted()).isFalse();
    }

    @Test
    void shouldMapEachKindToEventVerdict() {
        assertThat(new Accepted(false).storeVerdict()).isEqualTo(StoreVerdict.ACCEPTED);
        assertThat(new Accepted(false).accepted()).isTrue();
        assertThat(new TlsFailure(TlsFailure.Reason.EXPIRED, "d", false).storeVerdict())
                .isEqualTo(StoreVerdict.TLS_FAILURE);
        assertThat(new Unreachable("d", false).storeVerdict()).isEqualTo(StoreVerdict.UNREACHABLE);
    }

    @Test
    void shouldShowWarningInToStringWhenTlsWasNotVerified() {
        assertThat(new Accepted(true).toString()).contains(ProbeVerdict.TLS_UNVERIFIED_WARNING);
        assertThat(new Rejected(Rejected.Reason.NO_SUCH_BUCKET, "NoSuchBucket", 404, true).toString())
                .contains("insecureSkipVerify");
        assertThat(new Accepted(false).toString()).isEqualTo("Accepted");
    }
}
