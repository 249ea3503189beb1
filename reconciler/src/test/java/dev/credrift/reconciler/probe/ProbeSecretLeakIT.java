package dev.credrift.reconciler.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.events.credential.Credential;
import dev.credrift.reconciler.probe.tls.ProbeTls;
import dev.credrift.sandbox.s3.S3StoreStandIn;
import dev.credrift.sandbox.tls.TestPki;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Invariant 1: no planted credential in any verdict, exception message or captured log line. */
class ProbeSecretLeakIT {

    private static final String BUCKET = "loki-chunks";
    private static final Credential PLANTED = Credential.of("AKIAPLANTEDLEAK00001", "PLANTED-secret-9f8e7d6c5b4a");
    private static final Credential PLANTED_WRONG_SECRET =
            Credential.of(PLANTED.accessKeyId(), "PLANTED-wrong-secret-1a2b3c4d");
    private static final Credential PLANTED_UNKNOWN = Credential.of("AKIAPLANTEDUNKNOWN01", "PLANTED-unknown-5e6f7a8b");
    private static final List<String> PLANTED_VALUES = List.of(
            PLANTED.secret().reveal(),
            PLANTED.accessKeyId(),
            PLANTED_WRONG_SECRET.secret().reveal(),
            PLANTED_UNKNOWN.secret().reveal(),
            PLANTED_UNKNOWN.accessKeyId());

    private final List<String> outputs = new ArrayList<>();

    @Test
    void shouldLeakNoPlantedValueWhenProbingEveryWay() throws IOException {
        TestPki ca = TestPki.newCa("storage-ca");
        List<String> logLines;
        try (CapturedLogs logs = CapturedLogs.start();
                MinioStoreProbe probe = new MinioStoreProbe();
                S3StoreStandIn http = S3StoreStandIn.startHttp();
                S3StoreStandIn https = S3StoreStandIn.startHttps(ca.serverCertificate("minio.storage.svc"))) {
            for (S3StoreStandIn store : List.of(http, https)) {
                store.createBucket(BUCKET);
                store.addUser("loki", PLANTED);
                store.addUser("suspended", Credential.of("AKIASUSPENDED0000001", "PLANTED-suspended-secret"));
            }
            ProbeTls trusted = ProbeTls.fromPem(ca.caCertificatePem(), "minio.storage.svc", false);
            ProbeTarget plain = ProbeTarget.of(http.endpoint().toString(), BUCKET);
            ProbeTarget tls = ProbeTarget.of(https.endpoint().toString(), BUCKET, trusted);
            CachingStoreProbe cached = new CachingStoreProbe(probe, Clock.systemUTC());

            for (ProbeTarget target : List.of(plain, tls)) {
                record(() -> probe.probe(target, PLANTED));
                record(() -> probe.probe(target, PLANTED_WRONG_SECRET));
                record(() -> probe.probe(target, PLANTED_UNKNOWN));
                record(() -> probe.probe(target.withTls(ProbeTls.fromPem(null, null, true)), PLANTED));
                record(() -> cached.probe(target, PLANTED));
                record(() -> cached.probe(target, PLANTED));
                record(() -> probe.probe(
                        ProbeTarget.of(target.endpoint().toString(), "no-such-bucket", target.tls()), PLANTED));
                record(() -> probe.probe(
                        ProbeTarget.of(target.endpoint().toString(), "Bad_Bucket!", target.tls()), PLANTED));
            }
            http.suspend("loki");
            record(() -> probe.probe(plain, PLANTED));
            http.resume("loki");
            http.restrictBuckets("loki", Set.of("elsewhere"));
            record(() -> probe.probe(plain, PLANTED));
            record(() -> probe.probe(tls.withTls(ProbeTls.systemTrust()), PLANTED));
            record(() -> probe.probe(tls.withTls(ProbeTls.fromPem(ca.caCertificatePem(), null, false)), PLANTED));
            https.replaceCertificate(ca.expiredServerCertificate("minio.storage.svc"));
            record(() -> probe.probe(tls, PLANTED));
            int closedPort = closedPort();
            record(() -> probe.probe(ProbeTarget.of("http://127.0.0.1:" + closedPort, BUCKET), PLANTED));
            record(() -> probe.probe(
                    ProbeTarget.of(
                            "https://" + PLANTED.accessKeyId() + ":"
                                    + PLANTED.secret().reveal() + "@127.0.0.1:1",
                            BUCKET),
                    PLANTED));
            record(PLANTED::toString);
            record(plain::toString);
            logLines = logs.lines();
        }

        assertThat(outputs).hasSizeGreaterThan(20);
        assertThat(outputs).anyMatch(output -> output.startsWith("Accepted"));
        assertThat(outputs).anyMatch(output -> output.startsWith("TlsFailure[EXPIRED"));
        assertThat(outputs).anyMatch(output -> output.contains("InvalidProbeSettings"));
        assertThat(logLines).as("captured log lines").anyMatch(line -> line.contains("probed"));
        for (String planted : PLANTED_VALUES) {
            assertThat(outputs).as("verdicts and exceptions").noneMatch(output -> output.contains(planted));
            assertThat(logLines).as("log lines").noneMatch(line -> line.contains(planted));
        }
    }

    private void record(Supplier<Object> action) {
        try {
            outputs.add(String.valueOf(action.get()));
        } catch (RuntimeException e) {
            outputs.add(e.getClass().getSimpleName() + ": " + e.getMessage() + CapturedLogs.stackTrace(e));
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
