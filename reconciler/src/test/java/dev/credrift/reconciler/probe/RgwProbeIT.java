package dev.credrift.reconciler.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.events.credential.Credential;
import dev.credrift.events.payload.StoreVerdict;
import dev.credrift.reconciler.probe.ProbeVerdict.Accepted;
import dev.credrift.reconciler.probe.ProbeVerdict.Rejected;
import dev.credrift.reconciler.probe.ProbeVerdict.TlsFailure;
import dev.credrift.reconciler.probe.tls.ProbeTls;
import dev.credrift.sandbox.rgw.RealRgw;
import dev.credrift.sandbox.rgw.RealRgwExtension;
import dev.credrift.sandbox.s3.S3StoreStandIn;
import dev.credrift.sandbox.tls.TestPki;
import java.net.URI;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The reconciler's store probe against a real Ceph RGW and against the sandbox's S3 stand-in, case by case: every
 * case runs on both, so a difference between what the stand-in claims and what RGW does fails one of them.
 */
@ExtendWith(RealRgwExtension.class)
class RgwProbeIT {

    /** The stores under test. */
    enum Kind {
        REAL_RGW,
        S3_STAND_IN
    }

    private static final Map<Kind, Store> STORES = new EnumMap<>(Kind.class);
    private static final Map<Kind, Store> TLS_STORES = new EnumMap<>(Kind.class);
    private static final TestPki STAND_IN_CA = TestPki.newCa("stand-in-ca");
    private static final TestPki OTHER_CA = TestPki.newCa("someone-elses-ca");
    private static S3StoreStandIn standIn;
    private static S3StoreStandIn tlsStandIn;
    private static MinioStoreProbe probe;

    @BeforeAll
    static void start(RealRgw rgw) {
        standIn = S3StoreStandIn.startHttp();
        // the stand-in serves HTTP or HTTPS, not both: a second one for the TLS cases, with the same names as RGW's
        tlsStandIn = S3StoreStandIn.startHttps(
                STAND_IN_CA.serverCertificate(RealRgwExtension.HTTPS_NAMES.toArray(String[]::new)));
        STORES.put(Kind.REAL_RGW, new RgwStore(rgw, false));
        STORES.put(Kind.S3_STAND_IN, new StandInStore(standIn, Optional.empty()));
        TLS_STORES.put(Kind.REAL_RGW, new RgwStore(rgw, true));
        TLS_STORES.put(Kind.S3_STAND_IN, new StandInStore(tlsStandIn, Optional.of(STAND_IN_CA.caCertificatePem())));
        probe = new MinioStoreProbe();
    }

    @AfterAll
    static void stop() {
        if (probe != null) {
            probe.close();
        }
        if (standIn != null) {
            standIn.close();
        }
        if (tlsStandIn != null) {
            tlsStandIn.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void shouldAcceptWhenStoreKnowsTheKey(Kind kind) {
        Store store = STORES.get(kind);
        Credential key = store.createUser("accepted");
        store.createBucket(key, "accepted-bucket");

        ProbeVerdict verdict = probe.probe(store.target("accepted-bucket"), key);

        assertThat(verdict).isEqualTo(new Accepted(false));
        assertThat(verdict.storeVerdict()).isEqualTo(StoreVerdict.ACCEPTED);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void shouldRejectWithInvalidAccessKeyIdWhenKeyWasRemoved(Kind kind) {
        Store store = STORES.get(kind);
        Credential old = store.createUser("removed");
        store.createBucket(old, "removed-bucket");
        store.addKey("removed");
        store.removeKey("removed", old.accessKeyId());

        ProbeVerdict verdict = probe.probe(store.target("removed-bucket"), old);

        assertThat(verdict)
                .isEqualTo(new Rejected(Rejected.Reason.INVALID_ACCESS_KEY_ID, "InvalidAccessKeyId", 403, false));
        assertThat(verdict.storeVerdict()).isEqualTo(StoreVerdict.INVALID_ACCESS_KEY_ID);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void shouldRejectWithInvalidAccessKeyIdWhenKeyNeverExisted(Kind kind) {
        Store store = STORES.get(kind);
        Credential owner = store.createUser("never");
        store.createBucket(owner, "never-bucket");

        ProbeVerdict verdict = probe.probe(
                store.target("never-bucket"),
                Credential.of("NOSUCHKEY00000000000", "0000000000000000000000000000000000000000"));

        assertThat(verdict)
                .isEqualTo(new Rejected(Rejected.Reason.INVALID_ACCESS_KEY_ID, "InvalidAccessKeyId", 403, false));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void shouldRejectWithSignatureDoesNotMatchWhenSecretIsWrong(Kind kind) {
        Store store = STORES.get(kind);
        Credential key = store.createUser("wrong-secret");
        store.createBucket(key, "wrong-secret-bucket");

        ProbeVerdict verdict = probe.probe(
                store.target("wrong-secret-bucket"),
                Credential.of(key.accessKeyId(), "not-the-secret-not-the-secret-not-the-se"));

        assertThat(verdict)
                .isEqualTo(new Rejected(Rejected.Reason.SIGNATURE_DOES_NOT_MATCH, "SignatureDoesNotMatch", 403, false));
        assertThat(verdict.storeVerdict()).isEqualTo(StoreVerdict.SIGNATURE_DOES_NOT_MATCH);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void shouldRejectWithUserSuspendedWhenUserIsSuspended(Kind kind) {
        Store store = STORES.get(kind);
        Credential key = store.createUser("suspended");
        store.createBucket(key, "suspended-bucket");
        store.suspend("suspended");

        ProbeVerdict verdict = probe.probe(store.target("suspended-bucket"), key);

        assertThat(verdict).isEqualTo(new Rejected(Rejected.Reason.USER_SUSPENDED, "UserSuspended", 403, false));
        assertThat(verdict.storeVerdict()).isEqualTo(StoreVerdict.USER_SUSPENDED);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void shouldRejectWithNoSuchBucketWhenBucketIsMissing(Kind kind) {
        Store store = STORES.get(kind);
        Credential key = store.createUser("no-bucket");

        ProbeVerdict verdict = probe.probe(store.target("never-created"), key);

        assertThat(verdict).isEqualTo(new Rejected(Rejected.Reason.NO_SUCH_BUCKET, "NoSuchBucket", 404, false));
        assertThat(verdict.storeVerdict()).isEqualTo(StoreVerdict.NO_SUCH_BUCKET);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void shouldRejectWithAccessDeniedWhenBucketIsNotTheUsers(Kind kind) {
        Store store = STORES.get(kind);
        Credential owner = store.createUser("bucket-owner");
        store.createBucket(owner, "owned-bucket");
        Credential other = store.createUser("not-the-owner");
        // RGW: a bucket belongs to the user who created it; the stand-in has no owners, only per-user allow lists
        store.denyOthers("not-the-owner", "owned-bucket");

        ProbeVerdict verdict = probe.probe(store.target("owned-bucket"), other);

        assertThat(verdict).isEqualTo(new Rejected(Rejected.Reason.ACCESS_DENIED, "AccessDenied", 403, false));
        assertThat(verdict.storeVerdict()).isEqualTo(StoreVerdict.ACCESS_DENIED);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void shouldSeeKeyRotationAtOnceWhenKeysAreRegeneratedLikeRgw(Kind kind) {
        Store store = STORES.get(kind);
        Credential old = store.createUser("rotated");
        store.createBucket(old, "rotated-bucket");
        ProbeTarget target = store.target("rotated-bucket");
        assertThat(probe.probe(target, old)).isEqualTo(new Accepted(false));

        Credential fresh = store.addKey("rotated");
        ProbeVerdict oldInOverlap = probe.probe(target, old);
        ProbeVerdict freshInOverlap = probe.probe(target, fresh);
        store.removeKey("rotated", old.accessKeyId());
        ProbeVerdict oldAfterRemoval = probe.probe(target, old);
        ProbeVerdict freshAfterRemoval = probe.probe(target, fresh);

        assertThat(oldInOverlap).isEqualTo(new Accepted(false));
        assertThat(freshInOverlap).isEqualTo(new Accepted(false));
        assertThat(oldAfterRemoval)
                .isEqualTo(new Rejected(Rejected.Reason.INVALID_ACCESS_KEY_ID, "InvalidAccessKeyId", 403, false));
        assertThat(freshAfterRemoval).isEqualTo(new Accepted(false));
    }

    // ---- which answer wins when two things are wrong: the reconciler's class depends on it --------------------

    @ParameterizedTest
    @EnumSource(Kind.class)
    void shouldSayUserSuspendedWhenSuspendedUserProbesMissingBucket(Kind kind) {
        Store store = STORES.get(kind);
        Credential key = store.createUser("suspended-nobucket");
        store.suspend("suspended-nobucket");

        assertThat(probe.probe(store.target("missing-for-suspended"), key))
                .isEqualTo(new Rejected(Rejected.Reason.USER_SUSPENDED, "UserSuspended", 403, false));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void shouldSaySignatureDoesNotMatchWhenWrongSecretProbesMissingBucket(Kind kind) {
        Store store = STORES.get(kind);
        Credential key = store.createUser("wrong-nobucket");

        assertThat(probe.probe(
                        store.target("missing-for-wrong-secret"),
                        Credential.of(key.accessKeyId(), "not-the-secret-not-the-secret-not-the-se")))
                .isEqualTo(new Rejected(Rejected.Reason.SIGNATURE_DOES_NOT_MATCH, "SignatureDoesNotMatch", 403, false));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void shouldSayInvalidAccessKeyIdWhenRemovedKeyProbesMissingBucket(Kind kind) {
        Store store = STORES.get(kind);
        Credential old = store.createUser("removed-nobucket");
        store.addKey("removed-nobucket");
        store.removeKey("removed-nobucket", old.accessKeyId());

        assertThat(probe.probe(store.target("missing-for-removed"), old))
                .isEqualTo(new Rejected(Rejected.Reason.INVALID_ACCESS_KEY_ID, "InvalidAccessKeyId", 403, false));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void shouldSaySignatureDoesNotMatchWhenSuspendedUserSignsWithWrongSecret(Kind kind) {
        Store store = STORES.get(kind);
        Credential key = store.createUser("suspended-wrong");
        store.createBucket(key, "suspended-wrong-bucket");
        store.suspend("suspended-wrong");

        assertThat(probe.probe(
                        store.target("suspended-wrong-bucket"),
                        Credential.of(key.accessKeyId(), "not-the-secret-not-the-secret-not-the-se")))
                .isEqualTo(new Rejected(Rejected.Reason.SIGNATURE_DOES_NOT_MATCH, "SignatureDoesNotMatch", 403, false));
    }

    // ---- over HTTPS (story 3): RGW's own TLS stack (beast) against the stand-in's (Jetty) ------------------------

    @ParameterizedTest
    @EnumSource(Kind.class)
    void shouldAcceptOverHttpsWhenStoreCaIsTrusted(Kind kind) {
        Store store = TLS_STORES.get(kind);
        Credential key = store.createUser("tls-trusted");
        store.createBucket(key, "tls-trusted-bucket");

        ProbeVerdict verdict = probe.probe(
                store.target(
                        "tls-trusted-bucket", ProbeTls.fromPem(store.caPem().orElseThrow(), null, false)),
                key);

        assertThat(verdict).isEqualTo(new Accepted(false));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void shouldSayUnknownCaWhenAnotherCaIsTrusted(Kind kind) {
        Store store = TLS_STORES.get(kind);
        Credential key = store.createUser("tls-other-ca");

        ProbeVerdict verdict = probe.probe(
                store.target("tls-other-ca-bucket", ProbeTls.fromPem(OTHER_CA.caCertificatePem(), null, false)), key);

        assertThat(verdict).isInstanceOfSatisfying(TlsFailure.class, failure -> {
            assertThat(failure.reason()).as(failure.detail()).isEqualTo(TlsFailure.Reason.UNKNOWN_CA);
            assertThat(failure.detail()).contains("someone-elses-ca");
        });
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void shouldSayHostnameMismatchWhenServerNameIsNotOnCertificate(Kind kind) {
        Store store = TLS_STORES.get(kind);
        Credential key = store.createUser("tls-mismatch");

        ProbeVerdict verdict = probe.probe(
                store.target(
                        "tls-mismatch-bucket", ProbeTls.fromPem(store.caPem().orElseThrow(), "rgw.storage.svc", false)),
                key);

        assertThat(verdict).isInstanceOfSatisfying(TlsFailure.class, failure -> {
            assertThat(failure.reason()).as(failure.detail()).isEqualTo(TlsFailure.Reason.HOSTNAME_MISMATCH);
            assertThat(failure.detail()).contains("store.tls.serverName");
        });
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void shouldRejectRemovedKeyOverHttpsLikeOverHttp(Kind kind) {
        Store store = TLS_STORES.get(kind);
        Credential old = store.createUser("tls-removed");
        store.createBucket(old, "tls-removed-bucket");
        store.addKey("tls-removed");
        store.removeKey("tls-removed", old.accessKeyId());

        ProbeVerdict verdict = probe.probe(
                store.target(
                        "tls-removed-bucket", ProbeTls.fromPem(store.caPem().orElseThrow(), null, false)),
                old);

        assertThat(verdict)
                .isEqualTo(new Rejected(Rejected.Reason.INVALID_ACCESS_KEY_ID, "InvalidAccessKeyId", 403, false));
    }

    /** What a case needs from a store; uids and buckets are per store, so each case uses the same names on both. */
    private interface Store {
        Credential createUser(String uid);

        Credential addKey(String uid);

        void removeKey(String uid, String accessKeyId);

        void suspend(String uid);

        void createBucket(Credential owner, String bucket);

        /** Makes {@code bucket} one that {@code uid} may not use. */
        void denyOthers(String uid, String bucket);

        URI endpoint();

        /** The CA of an HTTPS store's certificate. */
        Optional<String> caPem();

        default ProbeTarget target(String bucket) {
            return ProbeTarget.of(endpoint().toString(), bucket);
        }

        default ProbeTarget target(String bucket, ProbeTls tls) {
            return ProbeTarget.of(endpoint().toString(), bucket, tls);
        }
    }

    /** The class's cluster, over HTTP or over HTTPS: the same users and buckets either way. */
    private record RgwStore(RealRgw rgw, boolean https) implements Store {
        @Override
        public Credential createUser(String uid) {
            return rgw.createUser(uid);
        }

        @Override
        public Credential addKey(String uid) {
            return rgw.addKey(uid);
        }

        @Override
        public void removeKey(String uid, String accessKeyId) {
            rgw.removeKey(uid, accessKeyId);
        }

        @Override
        public void suspend(String uid) {
            rgw.suspend(uid);
        }

        @Override
        public void createBucket(Credential owner, String bucket) {
            rgw.createBucket(owner, bucket);
        }

        @Override
        public void denyOthers(String uid, String bucket) {
            // nothing to do: RGW buckets are private to their owner by default
        }

        @Override
        public URI endpoint() {
            return https ? rgw.httpsEndpoint().orElseThrow() : rgw.endpoint();
        }

        @Override
        public Optional<String> caPem() {
            return https ? rgw.caCertificatePem() : Optional.empty();
        }
    }

    private record StandInStore(S3StoreStandIn store, Optional<String> caPem) implements Store {
        @Override
        public Credential createUser(String uid) {
            return store.addUser(uid);
        }

        @Override
        public Credential addKey(String uid) {
            return store.addKey(uid);
        }

        @Override
        public void removeKey(String uid, String accessKeyId) {
            store.removeKey(accessKeyId);
        }

        @Override
        public void suspend(String uid) {
            store.suspend(uid);
        }

        @Override
        public void createBucket(Credential owner, String bucket) {
            store.createBucket(bucket);
        }

        @Override
        public void denyOthers(String uid, String bucket) {
            store.restrictBuckets(uid, Set.of("some-other-bucket"));
        }

        @Override
        public URI endpoint() {
            return store.endpoint();
        }
    }
}
