package dev.credrift.reconciler.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.api.status.LastRemediation;
import dev.credrift.api.status.RemediationOutcome;
import dev.credrift.events.BindingId;
import dev.credrift.events.audit.AuditChain;
import dev.credrift.events.audit.AuditEntry;
import dev.credrift.events.payload.AuditRecord;
import dev.credrift.events.payload.DriftClass;
import dev.credrift.events.payload.RemediationHalted;
import dev.credrift.events.payload.RotationStepKind;
import dev.credrift.events.payload.StepKind;
import dev.credrift.reconciler.assess.AssessmentFixture;
import dev.credrift.reconciler.assess.ReplicaMark;
import dev.credrift.reconciler.rotate.RotationJournal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JournalJsonTest {

    private static final BindingId LOKI = BindingId.of("monitoring", "loki-s3");
    private static final Instant T = Instant.parse("2026-11-22T10:15:30.123Z");

    private final JournalJson json = new JournalJson();

    @Test
    void shouldRoundTripEveryFieldWhenEntryIsFull() {
        AuditRecord audit = new AuditChain(Clock.fixed(T, ZoneOffset.UTC))
                .append(new AuditEntry(
                        LOKI,
                        "credrift-reconciler",
                        "DRIFT_CLASSIFIED",
                        "VAULT_STALE: x",
                        "r-1",
                        AssessmentFixture.STALE_FP,
                        AssessmentFixture.AUTHORITY_FP));
        OpenRemediation open = new OpenRemediation(
                "r-1",
                DriftClass.VAULT_STALE,
                AssessmentFixture.AUTHORITY_FP,
                3,
                T,
                List.of(
                        new JournaledStep(StepKind.PROBE_STORE, "store", List.of()),
                        new JournaledStep(
                                StepKind.ROLL_OUT,
                                "StatefulSet monitoring/loki",
                                List.of("StatefulSet monitoring/loki"))),
                Set.of(0),
                "1763806530",
                Map.of("StatefulSet monitoring/loki", "2026-11-22T10:15:30Z"),
                true,
                T,
                Set.of("5f0c6a1e-pod-uid"));
        JournalEntry entry = JournalEntry.empty(LOKI)
                .withLastVerdict(new LastVerdict("VAULT_STALE", "a|b|c|-", T))
                .withDriftedSince(T)
                .withReplica(ReplicaMark.firstSight(AssessmentFixture.AUTHORITY_FP, T))
                .withRemediation(open)
                .withLastRemediation(new LastRemediation("r-0", RemediationOutcome.SUCCEEDED, T, T))
                .withHalt(new HaltRecord(T, RemediationHalted.Reason.READINESS_GATE_FAILED, "why", "r-0", 2))
                .withRollouts(List.of(T))
                .withRestarts(List.of(T, T.plusSeconds(1)))
                .withRetry(new RetryRecord(2, T))
                .withAuditHead(AuditHead.of(audit));

        byte[] bytes = json.write(entry);

        assertThat(json.read(bytes)).contains(entry);
        assertThat(json.read(bytes).orElseThrow().auditHead().toRecord(LOKI)).isEqualTo(audit);
        assertThat(new String(bytes, StandardCharsets.UTF_8))
                .contains("\"v\":1")
                .doesNotContain(AssessmentFixture.AUTHORITY.secret().reveal())
                .doesNotContain(AssessmentFixture.AUTHORITY.accessKeyId());
    }

    @Test
    void shouldRoundTripTheOpenRotationWhenOneIsJournaled() {
        RotationJournal rotation = RotationJournal.open(
                        "rot-1", T, "S1CFOLDKEY0000000001", Set.of("S1CFOLDKEY0000000001"))
                .withRequest("2026-11-22T10:00:00Z")
                .started(RotationStepKind.MINT, T)
                .minted("S1CFNEWKEY0000000002", T.plusSeconds(1))
                .started(RotationStepKind.PROBE_NEW, T.plusSeconds(2));
        JournalEntry entry = JournalEntry.empty(LOKI)
                .withRotation(rotation)
                .withRotationMemory(RotationMemory.NONE
                        .seen(AssessmentFixture.AUTHORITY_FP.value(), T)
                        .withLastRequest("2026-11-22T10:00:00Z"));

        byte[] bytes = json.write(entry);

        JournalEntry read = json.read(bytes).orElseThrow();
        assertThat(read).isEqualTo(entry);
        assertThat(read.rotationOpen()).isTrue();
        assertThat(read.rotationJournal().orElseThrow().hasCompleted(RotationStepKind.MINT))
                .isTrue();
        // derived answers are not stored: they would go stale against the records they derive from
        assertThat(new String(bytes, StandardCharsets.UTF_8))
                .doesNotContain("\"done\"")
                .doesNotContain("\"last\"");
    }

    @Test
    void shouldReadARotationAsNotRolledBackWhenAnOlderWriterHadNoRolledBackField() {
        RotationJournal rotation = RotationJournal.open("rot-1", T, "OLD", Set.of("OLD"))
                .minted("NEW", T)
                .withRolledBack();
        JournalEntry entry = JournalEntry.empty(LOKI).withRotation(rotation);
        String written = new String(json.write(entry), StandardCharsets.UTF_8);
        String older = written.replace(",\"rolledBack\":true", "");

        assertThat(json.read(written.getBytes(StandardCharsets.UTF_8))).contains(entry);
        assertThat(older).isNotEqualTo(written);
        assertThat(json.read(older.getBytes(StandardCharsets.UTF_8))
                        .orElseThrow()
                        .rotationJournal())
                .hasValueSatisfying(j -> {
                    assertThat(j.rolledBack()).isFalse();
                    assertThat(j.newAccessKeyId()).isEqualTo("NEW");
                });
    }

    @Test
    void shouldReadNoRotationWhenAnOlderWriterHadNoRotationField() {
        String older = "{\"v\":1,\"bindingId\":\"monitoring/loki-s3\",\"driftedSince\":\"2026-11-22T10:15:30.123Z\"}";

        JournalEntry read = json.read(older.getBytes(StandardCharsets.UTF_8)).orElseThrow();

        assertThat(read.rotationJournal()).isEmpty();
        assertThat(read.rotationOpen()).isFalse();
        assertThat(read).isEqualTo(JournalEntry.empty(LOKI).withDriftedSince(T));
    }

    @Test
    void shouldNotCallARotationOpenWhenItHaltedOrCompleted() {
        RotationJournal minted =
                RotationJournal.open("rot-1", T, "OLD", Set.of("OLD")).minted("NEW", T);
        RotationJournal done = minted;
        for (RotationStepKind step : RotationStepKind.values()) {
            done = done.completed(step, T);
        }

        assertThat(JournalEntry.empty(LOKI).withRotation(minted).rotationOpen()).isTrue();
        assertThat(JournalEntry.empty(LOKI).withRotation(minted.halted("gate")).rotationOpen())
                .isFalse();
        assertThat(JournalEntry.empty(LOKI).withRotation(done).rotationOpen()).isFalse();
    }

    @Test
    void shouldRoundTripWhenEntryIsEmpty() {
        JournalEntry empty = JournalEntry.empty(LOKI);

        assertThat(json.read(json.write(empty))).contains(empty);
    }

    @Test
    void shouldReadReplicaMarkAsObservedWhenAnOlderWriterHadNoInferredFlag() {
        JournalEntry withMark =
                JournalEntry.empty(LOKI).withReplica(ReplicaMark.observed(AssessmentFixture.AUTHORITY_FP, T));
        String older = new String(json.write(withMark), StandardCharsets.UTF_8).replace(",\"inferred\":false", "");

        assertThat(older).doesNotContain("inferred");
        assertThat(json.read(older.getBytes(StandardCharsets.UTF_8))).contains(withMark);
    }

    @Test
    void shouldIgnoreUnknownFieldsWhenANewerWriterAddedSome() {
        String newer = "{\"v\":1,\"bindingId\":\"monitoring/loki-s3\",\"somethingNew\":{\"x\":1}}";

        assertThat(json.read(newer.getBytes(StandardCharsets.UTF_8))).contains(JournalEntry.empty(LOKI));
    }

    @Test
    void shouldRefuseWhenBytesAreNotAJournalRecord() {
        assertThat(json.read("not json".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(json.read("{\"v\":99,\"bindingId\":\"a/b\"}".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
    }

    @Test
    void shouldFindTheNextStepWhenSomeAreCompleted() {
        OpenRemediation open = new OpenRemediation(
                "r",
                DriftClass.CONSUMERS_STALE,
                AssessmentFixture.AUTHORITY_FP,
                1,
                T,
                List.of(
                        new JournaledStep(StepKind.PROBE_STORE, "s", List.of()),
                        new JournaledStep(StepKind.ROLL_OUT, "w", List.of("StatefulSet a/b")),
                        new JournaledStep(StepKind.AWAIT_READY, "w", List.of("StatefulSet a/b"))),
                Set.of(),
                null,
                Map.of(),
                false,
                null,
                Set.of());

        assertThat(open.nextStep()).isZero();
        assertThat(open.withCompleted(0).withCompleted(1).nextStep()).isEqualTo(2);
        assertThat(open.withCompleted(0).withCompleted(1).withCompleted(2).nextStep())
                .isEqualTo(3);
    }
}
