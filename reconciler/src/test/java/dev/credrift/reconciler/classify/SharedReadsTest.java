package dev.credrift.reconciler.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.events.payload.DriftClass;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** architecture.md §5.1 rule 2: a consumer failing on another binding's refused credential is not this one's drift. */
class SharedReadsTest {

    private static final Classification STARTING = new Classification.Undetermined(
            Classification.Cause.CONSUMERS_STARTING, "Deployment monitoring/shared: pod shared-1 not ready yet");
    private static final String BLAME = "Deployment monitoring/shared also reads a credential the store refuses now:"
            + " Secret es-0 (binding monitoring/b-0, key AKIA…WXYZ): Rejected[UserSuspended, HTTP 403]";

    @Test
    void shouldBeInSyncWhenEveryUnreadyConsumerFailsOnAnotherBindingsRefusedCredential() {
        Classification c = SharedReads.classify(STARTING, List.of(Optional.of(BLAME)));

        assertThat(c).isInstanceOfSatisfying(Classification.Classified.class, classified -> {
            assertThat(classified.driftClass()).isEqualTo(DriftClass.IN_SYNC);
            assertThat(classified.detail()).contains("binding monitoring/b-0", "UserSuspended");
        });
    }

    @Test
    void shouldStayStartingWhenOneUnreadyConsumerHasNoSuchCause() {
        assertThat(SharedReads.classify(STARTING, List.of(Optional.of(BLAME), Optional.empty())))
                .isSameAs(STARTING);
    }

    @Test
    void shouldKeepAnyOtherClassificationWhenConsumersAreNotMerelyStarting() {
        Classification stale = new Classification.Classified(DriftClass.CONSUMERS_STALE, "pod app-0 started before");

        assertThat(SharedReads.classify(stale, List.of(Optional.of(BLAME)))).isSameAs(stale);
        assertThat(SharedReads.classify(STARTING, List.of())).isSameAs(STARTING);
    }
}
