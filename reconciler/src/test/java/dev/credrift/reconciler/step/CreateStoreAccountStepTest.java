package dev.credrift.reconciler.step;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.reconciler.probe.ProbeVerdict;
import org.junit.jupiter.api.Test;

/** An account MinIO lists already: done only when the store takes the vault's key, else a conflict, never an overwrite. */
class CreateStoreAccountStepTest {

    private static final String WHO = "t…o (EFDfG7-8wwYkd0Yh5lDJiQ)";
    private static final String WHERE = "MinIO at http://minio:9000";

    @Test
    void shouldBeAlreadyDoneWhenListedAndTheStoreAcceptsTheVaultsKey() {
        StepOutcome outcome = CreateStoreAccountStep.listed(new ProbeVerdict.Accepted(false), WHO, WHERE);

        assertThat(outcome).isInstanceOf(StepOutcome.AlreadyDone.class);
        assertThat(outcome.detail()).contains(WHO).contains(WHERE);
    }

    @Test
    void shouldReportAConflictAndNotRetryWhenListedWithAnotherSecret() {
        StepOutcome outcome = CreateStoreAccountStep.listed(
                new ProbeVerdict.Rejected(
                        ProbeVerdict.Rejected.Reason.SIGNATURE_DOES_NOT_MATCH, "SignatureDoesNotMatch", 403, false),
                WHO,
                WHERE);

        assertThat(outcome).isInstanceOfSatisfying(StepOutcome.Failed.class, failed -> {
            assertThat(failed.code()).isEqualTo("STORE_ACCOUNT_CONFLICT");
            assertThat(failed.retryable()).isFalse();
            assertThat(failed.detail()).contains("does not overwrite").contains("SignatureDoesNotMatch");
        });
    }

    @Test
    void shouldRetryLaterWhenListedButTheStoreWasNotReached() {
        StepOutcome outcome =
                CreateStoreAccountStep.listed(new ProbeVerdict.Unreachable("connect timed out", false), WHO, WHERE);

        assertThat(outcome).isInstanceOfSatisfying(StepOutcome.Failed.class, failed -> {
            assertThat(failed.code()).isEqualTo("AUTHORITY_NOT_VERIFIED");
            assertThat(failed.retryable()).isTrue();
        });
    }
}
