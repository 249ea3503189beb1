package dev.credrift.reconciler.classify;

import static dev.credrift.reconciler.assess.AssessmentFixture.GATEWAY;
import static dev.credrift.reconciler.assess.AssessmentFixture.LOKI;
import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.api.spec.Authority;
import dev.credrift.events.payload.DriftClass;
import dev.credrift.reconciler.assess.AssessmentFixture;
import dev.credrift.reconciler.assess.HopMatch;
import dev.credrift.reconciler.classify.Classification.Cause;
import dev.credrift.reconciler.probe.ProbeVerdict;
import dev.credrift.reconciler.probe.ProbeVerdict.Rejected;
import dev.credrift.reconciler.probe.ProbeVerdict.TlsFailure;
import dev.credrift.reconciler.world.RollBlocker;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** architecture.md §4's table, row by row, for both authorities. */
class ClassifierTest {

    private final Classifier classifier = new Classifier();

    static Stream<Arguments> table() {
        Rejected invalidKey = new Rejected(Rejected.Reason.INVALID_ACCESS_KEY_ID, "InvalidAccessKeyId", 403, false);
        Rejected badSignature =
                new Rejected(Rejected.Reason.SIGNATURE_DOES_NOT_MATCH, "SignatureDoesNotMatch", 403, false);
        return Stream.of(
                // store refuses the authority's credential: nothing else matters
                row("rejected key", fx().verdict(invalidKey), DriftClass.AUTHORITY_REJECTED),
                row(
                        "rejected signature, vault stale too",
                        fx().verdict(badSignature).vault(HopMatch.DIFFERS),
                        DriftClass.AUTHORITY_REJECTED),
                row(
                        "suspended user",
                        fx().verdict(new Rejected(Rejected.Reason.USER_SUSPENDED, "UserSuspended", 403, false)),
                        DriftClass.AUTHORITY_REJECTED),
                row(
                        "no such bucket",
                        fx().verdict(new Rejected(Rejected.Reason.NO_SUCH_BUCKET, "NoSuchBucket", 404, false)),
                        DriftClass.AUTHORITY_REJECTED),
                row(
                        "vault authority rejected",
                        fx().authority(Authority.VAULT).verdict(badSignature),
                        DriftClass.AUTHORITY_REJECTED),
                row(
                        "vault authority, minio source, key unknown",
                        fx().authority(Authority.VAULT).minioSource().verdict(invalidKey),
                        DriftClass.STORE_MISSING_ACCOUNT),
                row(
                        "source authority, minio-like key unknown",
                        fx().minioSource().verdict(invalidKey),
                        DriftClass.AUTHORITY_REJECTED),
                row(
                        "vault authority, minio source, wrong secret (an account exists)",
                        fx().authority(Authority.VAULT).minioSource().verdict(badSignature),
                        DriftClass.AUTHORITY_REJECTED),
                row(
                        "vault authority, minio source, key unknown, replica stale too",
                        fx().authority(Authority.VAULT)
                                .minioSource()
                                .verdict(invalidKey)
                                .replica(HopMatch.DIFFERS),
                        DriftClass.STORE_MISSING_ACCOUNT),
                row(
                        "vault authority, rook-like source, key unknown",
                        fx().authority(Authority.VAULT).verdict(invalidKey),
                        DriftClass.AUTHORITY_REJECTED),
                // TLS
                row(
                        "unknown CA",
                        fx().verdict(new TlsFailure(TlsFailure.Reason.UNKNOWN_CA, "not signed", false)),
                        DriftClass.ENDPOINT_UNTRUSTED),
                row(
                        "expired",
                        fx().verdict(new TlsFailure(TlsFailure.Reason.EXPIRED, "expired", false)),
                        DriftClass.ENDPOINT_UNTRUSTED),
                row(
                        "hostname mismatch",
                        fx().verdict(new TlsFailure(TlsFailure.Reason.HOSTNAME_MISMATCH, "names", false))
                                .vault(HopMatch.DIFFERS),
                        DriftClass.ENDPOINT_UNTRUSTED),
                // vault
                row("vault stale", fx().vault(HopMatch.DIFFERS).replica(HopMatch.DIFFERS), DriftClass.VAULT_STALE),
                row("vault stale, replica ok", fx().vault(HopMatch.DIFFERS), DriftClass.VAULT_STALE),
                row(
                        "vault stale, ESO ignores force-sync",
                        fx().vault(HopMatch.DIFFERS).replica(HopMatch.DIFFERS).forceSyncIgnored("refreshInterval 0"),
                        DriftClass.REPLICA_UNSYNCABLE),
                row(
                        "vault stale, ESO sync failing (vault write may fix it)",
                        fx().vault(HopMatch.DIFFERS).replica(HopMatch.DIFFERS).syncFailing(),
                        DriftClass.VAULT_STALE),
                // replica
                row("replica stale", fx().replica(HopMatch.DIFFERS), DriftClass.REPLICA_STALE),
                row(
                        "replica stale, vault authority",
                        fx().authority(Authority.VAULT).replica(HopMatch.DIFFERS),
                        DriftClass.REPLICA_STALE),
                row(
                        "replica stale, CreatedOnce",
                        fx().replica(HopMatch.DIFFERS).forceSyncIgnored("CreatedOnce"),
                        DriftClass.REPLICA_UNSYNCABLE),
                row(
                        "replica stale, SecretSyncedError",
                        fx().replica(HopMatch.DIFFERS).syncFailing(),
                        DriftClass.REPLICA_UNSYNCABLE),
                row(
                        "replica ok, ESO ignores force-sync (irrelevant)",
                        fx().forceSyncIgnored("refreshInterval 0"),
                        DriftClass.IN_SYNC),
                // consumers
                row("consumer stale", fx().consumer(LOKI, true, true, Optional.empty()), DriftClass.CONSUMERS_STALE),
                row(
                        "consumer stale and not ready",
                        fx().consumer(LOKI, true, false, Optional.empty()),
                        DriftClass.CONSUMERS_STALE),
                row(
                        "paused consumer stale",
                        fx().consumer(GATEWAY, true, true, Optional.of(RollBlocker.paused(GATEWAY))),
                        DriftClass.CONSUMERS_STALE),
                row(
                        "vault authority consumers stale",
                        fx().authority(Authority.VAULT).consumer(LOKI, true, true, Optional.empty()),
                        DriftClass.CONSUMERS_STALE),
                // in sync
                row("in sync", fx(), DriftClass.IN_SYNC),
                row("in sync without consumers", fx().noConsumers(), DriftClass.IN_SYNC),
                row("in sync, vault authority", fx().authority(Authority.VAULT), DriftClass.IN_SYNC),
                row("in sync, TLS unverified", fx().verdict(new ProbeVerdict.Accepted(true)), DriftClass.IN_SYNC));
    }

    static Stream<Arguments> undetermined() {
        return Stream.of(
                Arguments.of("authority unreadable", fx().authorityUnreadable(), Cause.AUTHORITY_UNREADABLE),
                Arguments.of("store settings", fx().unprobed(), Cause.STORE_SETTINGS_INVALID),
                Arguments.of(
                        "store unreachable",
                        fx().verdict(new ProbeVerdict.Unreachable("timeout", false)),
                        Cause.STORE_UNREACHABLE),
                Arguments.of("vault unreadable", fx().vault(HopMatch.UNREADABLE), Cause.VAULT_UNREADABLE),
                Arguments.of("replica unreadable", fx().replica(HopMatch.UNREADABLE), Cause.REPLICA_UNREADABLE),
                Arguments.of(
                        "vault stale, ExternalSecret missing",
                        fx().vault(HopMatch.DIFFERS).replica(HopMatch.UNREADABLE),
                        Cause.REPLICA_UNREADABLE),
                Arguments.of(
                        "consumers starting",
                        fx().consumer(LOKI, false, false, Optional.empty()),
                        Cause.CONSUMERS_STARTING));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void shouldClassifyAsTheTableSaysWhenHopsAre(String row, AssessmentFixture fixture, DriftClass expected) {
        Classification result = classifier.classify(fixture.build());

        assertThat(result)
                .isInstanceOfSatisfying(
                        Classification.Classified.class,
                        c -> assertThat(c.driftClass()).isEqualTo(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("undetermined")
    void shouldStayUndeterminedWhenSomethingCannotBeRead(String row, AssessmentFixture fixture, Cause expected) {
        assertThat(classifier.classify(fixture.build()))
                .isInstanceOfSatisfying(
                        Classification.Undetermined.class,
                        u -> assertThat(u.cause()).isEqualTo(expected));
    }

    @Test
    void shouldNameKeyAndSayTheAccountCanBeCreatedWhenStoreMissesAccount() {
        Classification c = classifier.classify(fx().authority(Authority.VAULT)
                .minioSource()
                .verdict(new Rejected(Rejected.Reason.INVALID_ACCESS_KEY_ID, "InvalidAccessKeyId", 403, false))
                .build());

        assertThat(c.reason()).isEqualTo("StoreMissingAccount");
        assertThat(c.detail())
                .contains(AssessmentFixture.AUTHORITY.maskedAccessKeyId().toString())
                .contains(AssessmentFixture.AUTHORITY_FP.toString())
                .contains("InvalidAccessKeyId")
                .contains("admin API can create it")
                .doesNotContain("not automated")
                .doesNotContain(AssessmentFixture.AUTHORITY.secret().reveal());
    }

    @Test
    void shouldNameTheTlsReasonWhenEndpointIsUntrusted() {
        Classification c = classifier.classify(fx().verdict(new TlsFailure(
                        TlsFailure.Reason.HOSTNAME_MISMATCH, "the certificate names [DNS:minio] but not rgw", false))
                .build());

        assertThat(c.detail()).contains("HOSTNAME_MISMATCH").contains("names [DNS:minio] but not rgw");
        assertThat(c.reason()).isEqualTo("EndpointUntrusted");
    }

    @Test
    void shouldSayWhyWhenReplicaIsUnsyncable() {
        Classification c = classifier.classify(fx().replica(HopMatch.DIFFERS)
                .forceSyncIgnored("ExternalSecret monitoring/x has refreshInterval 0")
                .build());

        assertThat(c.detail()).contains("refreshInterval 0").contains("does not wait");
    }

    @Test
    void shouldWarnLoudlyWhenTlsWasNotVerified() {
        Classification c = classifier.classify(
                fx().verdict(new ProbeVerdict.Accepted(true)).build());

        assertThat(c.detail()).contains(ProbeVerdict.TLS_UNVERIFIED_WARNING);
    }

    @Test
    void shouldNameMaskedKeyAndFingerprintWhenAuthorityIsRejected() {
        Classification c = classifier.classify(
                fx().verdict(new Rejected(Rejected.Reason.INVALID_ACCESS_KEY_ID, "InvalidAccessKeyId", 403, false))
                        .build());

        assertThat(c.detail())
                .contains(AssessmentFixture.AUTHORITY.maskedAccessKeyId().value())
                .contains(AssessmentFixture.AUTHORITY_FP.value())
                .contains("InvalidAccessKeyId")
                .doesNotContain(AssessmentFixture.AUTHORITY.accessKeyId())
                .doesNotContain(AssessmentFixture.AUTHORITY.secret().reveal());
    }

    private static AssessmentFixture fx() {
        return AssessmentFixture.inSync();
    }

    private static Arguments row(String name, AssessmentFixture fixture, DriftClass expected) {
        return Arguments.of(name, fixture, expected);
    }
}
