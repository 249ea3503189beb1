package dev.credrift.events.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.credrift.events.BindingId;
import dev.credrift.events.ContractViolation;
import dev.credrift.events.EventFactory;
import dev.credrift.events.codec.Decoded;
import dev.credrift.events.codec.EventCodec;
import dev.credrift.events.payload.AuditRecord;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyedAuditChainTest {

    private static final BindingId LOKI = BindingId.of("monitoring", "loki-s3");
    private static final AuditKey KEY = AuditKey.of(bytes("audit-key-one-0123456789abcdef"));
    private static final AuditKey NEXT = AuditKey.of(bytes("audit-key-two-0123456789abcdef"));
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void shouldSealEveryRecordWithTheCurrentKeyWhenKeyed() {
        List<AuditRecord> stream = chain(new AuditChain(CLOCK, AuditKeys.of(KEY, List.of())), 3);

        assertThat(stream).allSatisfy(r -> assertThat(r.keyId()).isEqualTo(KEY.id()));
        assertThat(AuditVerifier.fromGenesis(AuditKeys.verifyingOnly(List.of(KEY)))
                        .verify(stream)
                        .intact())
                .isTrue();
        assertThat(AuditVerifier.fromGenesis(AuditKeys.verifyingOnly(List.of(KEY)))
                        .verify(stream)
                        .unkeyed())
                .isEmpty();
    }

    @Test
    void shouldFailVerificationWhenARewriteRecomputesEveryHashWithoutTheKey() {
        List<AuditRecord> stream = chain(new AuditChain(CLOCK, AuditKeys.of(KEY, List.of())), 3);
        List<AuditRecord> rewritten = rewrite(stream, 1, true);

        AuditReport report =
                AuditVerifier.fromGenesis(AuditKeys.verifyingOnly(List.of(KEY))).verify(rewritten);

        assertThat(report.findingFor(LOKI)).get().isInstanceOfSatisfying(AuditFinding.RecordAltered.class, f -> {
            assertThat(f.sequence()).isEqualTo(1);
            assertThat(f.what()).contains("HMAC does not match").contains(KEY.id());
        });
    }

    @Test
    void shouldDetectARewriteThatStripsTheKeyIdsAgainstTheStatusHead() {
        List<AuditRecord> stream = chain(new AuditChain(CLOCK, AuditKeys.of(KEY, List.of())), 3);
        AuditRecord head = stream.get(2);
        List<AuditRecord> rewritten = rewrite(stream, 1, false);
        AuditVerifier verifier = AuditVerifier.fromGenesis(AuditKeys.verifyingOnly(List.of(KEY)));

        // on its own the stripped chain looks like an old unkeyed one, and is reported as unkeyed
        assertThat(verifier.verify(rewritten).unkeyed()).containsEntry(LOKI, new AuditReport.Unkeyed(1, 3, 3));
        AuditReport report = verifier.verify(rewritten, Map.of(LOKI, new ChainAnchor(head.sequence(), head.hash())));
        assertThat(report.findingFor(LOKI))
                .get()
                .isInstanceOfSatisfying(
                        AuditFinding.RecordAltered.class,
                        f -> assertThat(f.what()).contains("chain head published in the binding's status"));
    }

    @Test
    void shouldReportADowngradeWhenAnUnkeyedRecordFollowsKeyedOnes() {
        List<AuditRecord> stream = chain(new AuditChain(CLOCK, AuditKeys.of(KEY, List.of())), 3);
        AuditRecord second = stream.get(1);
        AuditRecord unkeyed = seal(
                new AuditRecord(
                        LOKI,
                        2,
                        second.time(),
                        second.actor(),
                        second.action(),
                        second.reason(),
                        second.correlationId(),
                        null,
                        null,
                        stream.get(0).hash(),
                        AuditRecord.GENESIS_HASH),
                null);
        stream.set(1, unkeyed);

        AuditReport report =
                AuditVerifier.fromGenesis(AuditKeys.verifyingOnly(List.of(KEY))).verify(stream.subList(0, 2));

        assertThat(report.findingFor(LOKI))
                .get()
                .isInstanceOfSatisfying(
                        AuditFinding.RecordAltered.class,
                        f -> assertThat(f.what()).contains("unkeyed after keyed"));
    }

    @Test
    void shouldReportTheTailMissingWhenTheChainEndsBeforeTheStatusHead() {
        List<AuditRecord> stream = chain(new AuditChain(CLOCK, AuditKeys.of(KEY, List.of())), 4);
        AuditRecord head = stream.get(3);

        AuditReport report = AuditVerifier.fromGenesis(AuditKeys.verifyingOnly(List.of(KEY)))
                .verify(stream.subList(0, 2), Map.of(LOKI, new ChainAnchor(head.sequence(), head.hash())));

        assertThat(report.findings()).containsExactly(new AuditFinding.TailMissing(LOKI, 1, 2, 4));
    }

    @Test
    void shouldVerifyAcrossARotationWhenBothKeysAreGiven() {
        List<AuditRecord> stream = chain(new AuditChain(CLOCK, AuditKeys.of(KEY, List.of())), 2);
        AuditChain rotated = new AuditChain(CLOCK, AuditKeys.of(NEXT, List.of(KEY)));
        rotated.resume(stream.get(1));
        stream.add(rotated.append(entry("ROLLED_OUT")));

        assertThat(stream.get(2).keyId()).isEqualTo(NEXT.id()).isNotEqualTo(KEY.id());
        assertThat(AuditVerifier.fromGenesis(AuditKeys.verifyingOnly(List.of(NEXT, KEY)))
                        .verify(stream)
                        .intact())
                .isTrue();
        assertThat(AuditVerifier.fromGenesis(AuditKeys.verifyingOnly(List.of(NEXT)))
                        .verify(stream)
                        .findings())
                .containsExactly(new AuditFinding.UnknownKey(LOKI, 0, 1, KEY.id()));
    }

    @Test
    void shouldKeepVerifyingAnOldUnkeyedChainAndSayWhichRecordsWereUnkeyed() {
        List<AuditRecord> stream = chain(new AuditChain(CLOCK), 2);
        AuditChain keyed = new AuditChain(CLOCK, AuditKeys.of(KEY, List.of()));
        keyed.resume(stream.get(1));
        stream.add(keyed.append(entry("ROLLED_OUT")));

        AuditReport report =
                AuditVerifier.fromGenesis(AuditKeys.verifyingOnly(List.of(KEY))).verify(stream);

        assertThat(report.intact()).isTrue();
        assertThat(report.unkeyed()).containsExactly(Map.entry(LOKI, new AuditReport.Unkeyed(1, 2, 2)));
        assertThat(AuditVerifier.fromGenesis().verify(stream.subList(0, 2)).intact())
                .isTrue();
    }

    @Test
    void shouldRefuseToResumeWhenTheHeadNamesAnUnknownKey() {
        AuditRecord head =
                chain(new AuditChain(CLOCK, AuditKeys.of(KEY, List.of())), 1).get(0);

        assertThatThrownBy(() -> new AuditChain(CLOCK, AuditKeys.of(NEXT, List.of())).resume(head))
                .isInstanceOf(ContractViolation.class)
                .hasMessageContaining(KEY.id())
                .hasMessageContaining("not configured");
    }

    @Test
    void shouldRoundTripTheKeyIdWhenEncodedAsAnEvent() {
        AuditRecord record =
                chain(new AuditChain(CLOCK, AuditKeys.of(KEY, List.of())), 1).get(0);
        EventCodec codec = new EventCodec();

        var decoded = codec.decode(
                codec.encode(new EventFactory(URI.create("urn:test"), CLOCK, () -> "id-1").create(record)));

        assertThat(((Decoded) decoded).event().payload()).isEqualTo(record);
    }

    @Test
    void shouldNameTheKeyByIdOnlyWhenPrinted() {
        AuditKey key = AuditKey.of(bytes("PLANTED-SECRET-audit-key-value"));

        assertThat(key.toString()).contains(key.id()).doesNotContain("PLANTED");
        assertThat(key.id()).matches("[A-Za-z0-9_-]{12}");
        assertThatThrownBy(() -> AuditKey.of(bytes("short")))
                .isInstanceOf(ContractViolation.class)
                .hasMessageContaining("5 bytes");
    }

    private static List<AuditRecord> chain(AuditChain chain, int records) {
        List<AuditRecord> stream = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            stream.add(chain.append(entry("STEP_" + i)));
        }
        return stream;
    }

    private static AuditEntry entry(String action) {
        return new AuditEntry(LOKI, "credrift-reconciler", action, "because the test says so", "rem-1", null, null);
    }

    /** Edits the record at {@code edited} and recomputes every hash with plain SHA-256, as someone without the key. */
    private static List<AuditRecord> rewrite(List<AuditRecord> stream, int edited, boolean keepKeyIds) {
        List<AuditRecord> out = new ArrayList<>();
        String prev = AuditRecord.GENESIS_HASH;
        for (int i = 0; i < stream.size(); i++) {
            AuditRecord r = stream.get(i);
            AuditRecord changed = seal(
                    new AuditRecord(
                            r.bindingId(),
                            r.sequence(),
                            r.time(),
                            r.actor(),
                            r.action(),
                            i == edited ? "nothing happened here" : r.reason(),
                            r.correlationId(),
                            r.before(),
                            r.after(),
                            prev,
                            AuditRecord.GENESIS_HASH,
                            keepKeyIds ? r.keyId() : null),
                    null);
            out.add(changed);
            prev = changed.hash();
        }
        return out;
    }

    private static AuditRecord seal(AuditRecord r, AuditKey key) {
        String hash = key == null ? AuditHash.of(r.prevHash(), AuditHash.canonical(r)) : AuditHash.of(r, key);
        return new AuditRecord(
                r.bindingId(),
                r.sequence(),
                r.time(),
                r.actor(),
                r.action(),
                r.reason(),
                r.correlationId(),
                r.before(),
                r.after(),
                r.prevHash(),
                hash,
                r.keyId());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
