package dev.credrift.events.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.credrift.events.BindingId;
import dev.credrift.events.ContractViolation;
import dev.credrift.events.Fixtures;
import dev.credrift.events.codec.Decoded;
import dev.credrift.events.codec.EventCodec;
import dev.credrift.events.credential.Fingerprint;
import dev.credrift.events.payload.AuditRecord;
import dev.credrift.events.payload.EventType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditVerifierTest {

    private static final BindingId LOKI = BindingId.of("monitoring", "loki-s3");
    private static final BindingId TEMPO = BindingId.of("tracing", "tempo-s3");
    private static final Fingerprint OLD = new Fingerprint("pLr6d0Xy1cVh3TzQe9Wb-g");
    private static final Fingerprint NEW = new Fingerprint("Ux3kq0Zc7VrTq1mB2sYw8A");

    private final AuditChain chain = new AuditChain(new TickingClock());
    private final AuditVerifier verifier = AuditVerifier.fromGenesis();

    /** loki1 tempo1 loki2 loki3 tempo2 tempo3 */
    private List<AuditRecord> stream;

    @BeforeEach
    void buildInterleavedStream() {
        stream = new ArrayList<>();
        stream.add(append(LOKI, "DRIFT_DETECTED", OLD, OLD));
        stream.add(append(TEMPO, "DRIFT_DETECTED", null, null));
        stream.add(append(LOKI, "VAULT_WRITTEN", OLD, NEW));
        stream.add(append(LOKI, "ROLLED_OUT", NEW, NEW));
        stream.add(append(TEMPO, "STORE_ACCOUNT_CREATED", null, NEW));
        stream.add(append(TEMPO, "ROLLED_OUT", NEW, NEW));
    }

    @Test
    void shouldChainPerBindingWhenAppending() {
        assertThat(stream.get(0).sequence()).isEqualTo(1);
        assertThat(stream.get(0).prevHash()).isEqualTo(AuditRecord.GENESIS_HASH);
        assertThat(stream.get(2).sequence()).isEqualTo(2);
        assertThat(stream.get(2).prevHash()).isEqualTo(stream.get(0).hash());
        assertThat(stream.get(4).prevHash()).isEqualTo(stream.get(1).hash());
        assertThat(chain.head(LOKI)).contains(stream.get(3));
    }

    @Test
    void shouldReportIntactWhenInterleavedStreamIsUntouched() {
        AuditReport report = verifier.verify(stream);

        assertThat(report.intact()).isTrue();
        assertThat(report.records()).isEqualTo(6);
        assertThat(report.verifiedThrough()).isEqualTo(Map.of(LOKI, 3L, TEMPO, 3L));
    }

    @Test
    void shouldReportRemovalWhenARecordIsMissing() {
        stream.remove(2);

        AuditReport report = verifier.verify(stream);

        assertThat(report.findings()).containsExactly(new AuditFinding.RecordRemoved(LOKI, 2, 2, 3));
        assertThat(report.verifiedThrough()).containsEntry(LOKI, 1L).containsEntry(TEMPO, 3L);
    }

    @Test
    void shouldReportReorderingWhenARecordComesEarly() {
        swap(2, 3);

        assertThat(verifier.verify(stream).findings()).containsExactly(new AuditFinding.RecordReordered(LOKI, 2, 2, 3));
    }

    @Test
    void shouldReportReorderingWhenARecordComesBackLate() {
        AuditRecord first = stream.remove(0);
        stream.add(first);

        assertThat(verifier.verify(stream).findingFor(LOKI)).contains(new AuditFinding.RecordReordered(LOKI, 1, 1, 2));
    }

    @Test
    void shouldReportAlterationWhenContentChangesUnderTheSameHash() {
        AuditRecord original = stream.get(2);
        stream.set(
                2,
                new AuditRecord(
                        original.bindingId(),
                        original.sequence(),
                        original.time(),
                        original.actor(),
                        original.action(),
                        "nothing happened here",
                        original.correlationId(),
                        original.before(),
                        original.after(),
                        original.prevHash(),
                        original.hash()));

        AuditReport report = verifier.verify(stream);

        assertThat(report.findings()).singleElement().isInstanceOfSatisfying(AuditFinding.RecordAltered.class, f -> {
            assertThat(f.bindingId()).isEqualTo(LOKI);
            assertThat(f.position()).isEqualTo(2);
            assertThat(f.sequence()).isEqualTo(2);
            assertThat(f.what()).contains("hash does not match its content");
        });
    }

    @Test
    void shouldReportAlterationWhenARecordIsRehashedAfterEditing() {
        AuditRecord original = stream.get(2);
        stream.set(2, resealed(original, original.prevHash(), NEW, NEW));

        AuditReport report = verifier.verify(stream);

        assertThat(report.findings()).singleElement().isInstanceOfSatisfying(AuditFinding.RecordAltered.class, f -> {
            assertThat(f.position()).isEqualTo(3);
            assertThat(f.what()).contains("prevHash does not match the hash of sequence 2");
        });
    }

    @Test
    void shouldReportAlterationWhenTheFirstRecordDoesNotChainToGenesis() {
        stream.set(0, resealed(stream.get(0), "f".repeat(64), OLD, OLD));

        assertThat(verifier.verify(stream).findingFor(LOKI))
                .get()
                .isInstanceOfSatisfying(
                        AuditFinding.RecordAltered.class,
                        f -> assertThat(f.what()).contains("genesis"));
    }

    @Test
    void shouldReportEachBrokenChainOnceWhenSeveralBindingsAreBroken() {
        stream.remove(4);
        stream.remove(2);

        AuditReport report = verifier.verify(stream);

        assertThat(report.findings())
                .containsExactly(
                        new AuditFinding.RecordRemoved(LOKI, 2, 2, 3), new AuditFinding.RecordRemoved(TEMPO, 3, 2, 3));
    }

    @Test
    void shouldTolerateAnExactRepeatWhenAProducerRetried() {
        stream.add(3, stream.get(2));

        assertThat(verifier.verify(stream).intact()).isTrue();
    }

    @Test
    void shouldRequireGenesisOnlyWhenAskedTo() {
        List<AuditRecord> suffix = stream.subList(2, stream.size());

        assertThat(AuditVerifier.fromGenesis().verify(suffix).findingFor(TEMPO))
                .contains(new AuditFinding.RecordRemoved(TEMPO, 2, 1, 2));
        assertThat(AuditVerifier.fromAnyRecord().verify(suffix).intact()).isTrue();
    }

    @Test
    void shouldContinueTheChainWhenResumedFromTheLastRecord() {
        AuditChain restarted = new AuditChain(new TickingClock());
        restarted.resume(stream.get(3));

        stream.add(restarted.append(
                new AuditEntry(LOKI, "credrift-reconciler", "BACK_IN_SYNC", "all hops agree", "rem-1", NEW, NEW)));

        assertThat(stream.get(6).sequence()).isEqualTo(4);
        assertThat(verifier.verify(stream).intact()).isTrue();
    }

    @Test
    void shouldRefuseToResumeWhenTheLastRecordIsTampered() {
        AuditRecord last = stream.get(3);
        AuditRecord tampered = new AuditRecord(
                last.bindingId(),
                last.sequence(),
                last.time(),
                "someone-else",
                last.action(),
                last.reason(),
                last.correlationId(),
                last.before(),
                last.after(),
                last.prevHash(),
                last.hash());

        assertThatThrownBy(() -> new AuditChain(new TickingClock()).resume(tampered))
                .isInstanceOf(ContractViolation.class)
                .hasMessageContaining("hash");
    }

    @Test
    void shouldVerifyTheGoldenRecordWhenItsHashWasComputedOutsideJava() {
        // the golden record's hash was computed with Python's hashlib from the documented canonical form
        var decoded = new EventCodec()
                .decode(Fixtures.record(EventType.AUDIT_RECORD, Fixtures.golden(EventType.AUDIT_RECORD)));
        AuditRecord golden = (AuditRecord) ((Decoded) decoded).event().payload();

        assertThat(AuditHash.of(golden)).isEqualTo(golden.hash());
        assertThat(verifier.verify(List.of(golden)).intact()).isTrue();
    }

    @Test
    void shouldWriteSortedCompactEscapedJsonWhenCanonicalising() {
        AuditRecord record = new AuditRecord(
                LOKI,
                7,
                Instant.parse("2026-11-21T09:17:02Z"),
                "a\"b\\c",
                "X",
                "line\nbreak\ttab \u0001 \u00e9",
                "c-1",
                null,
                NEW,
                AuditRecord.GENESIS_HASH,
                AuditRecord.GENESIS_HASH);

        assertThat(AuditHash.canonical(record))
                .isEqualTo(
                        "{\"action\":\"X\",\"actor\":\"a\\\"b\\\\c\","
                                + "\"after\":\"Ux3kq0Zc7VrTq1mB2sYw8A\",\"bindingId\":\"monitoring/loki-s3\",\"correlationId\":\"c-1\","
                                + "\"reason\":\"line\\nbreak\\ttab \\u0001 \u00e9\",\"sequence\":7,\"time\":\"2026-11-21T09:17:02Z\"}");
    }

    private AuditRecord append(BindingId binding, String action, Fingerprint before, Fingerprint after) {
        return chain.append(new AuditEntry(
                binding,
                "credrift-reconciler",
                action,
                "because the test says so",
                "rem-" + binding.name(),
                before,
                after));
    }

    private static AuditRecord resealed(AuditRecord r, String prevHash, Fingerprint before, Fingerprint after) {
        AuditRecord unsealed = new AuditRecord(
                r.bindingId(),
                r.sequence(),
                r.time(),
                r.actor(),
                r.action(),
                r.reason(),
                r.correlationId(),
                before,
                after,
                prevHash,
                AuditRecord.GENESIS_HASH);
        return new AuditRecord(
                r.bindingId(),
                r.sequence(),
                r.time(),
                r.actor(),
                r.action(),
                r.reason(),
                r.correlationId(),
                before,
                after,
                prevHash,
                AuditHash.of(unsealed));
    }

    private void swap(int i, int j) {
        AuditRecord a = stream.get(i);
        stream.set(i, stream.get(j));
        stream.set(j, a);
    }

    /** A clock that moves one second per reading. */
    private static final class TickingClock extends Clock {
        private Instant now = Instant.parse("2026-11-21T09:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            now = now.plusSeconds(1);
            return now;
        }
    }
}
