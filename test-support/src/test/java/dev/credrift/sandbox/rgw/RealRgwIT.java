package dev.credrift.sandbox.rgw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.credrift.events.credential.Credential;
import dev.credrift.sandbox.kafka.FreePorts;
import dev.credrift.sandbox.s3.MinioProbe;
import dev.credrift.sandbox.tls.TestPki;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.stream.Stream;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What {@code ceph-rgw-notes.md} says RGW does, checked against a real RGW. */
@ExtendWith(RealRgwExtension.class)
class RealRgwIT {

    private static final Logger LOG = LoggerFactory.getLogger(RealRgwIT.class);
    private static RealRgw rgw;

    @BeforeAll
    static void cluster(RealRgw started) {
        rgw = started;
        LOG.info(
                "class cluster: S3 answered {} ms after the first daemon; RSS of mon+osd+radosgw {} MB",
                rgw.startupTime().toMillis(),
                rgw.residentBytes() / (1024 * 1024));
    }

    @Test
    void shouldAnswerS3AndLeaveNothingBehindWhenStartedAndClosed() throws Exception {
        RealRgw own = RealRgw.start();
        List<Long> pids = own.pids();
        Path directory = own.directory();
        int port = own.endpoint().getPort();
        Credential user = own.createUser("lifecycle");
        own.createBucket(user, "lifecycle-bucket");
        assertThat(MinioProbe.list(own.endpoint(), user, "lifecycle-bucket")).isEqualTo(MinioProbe.OK);
        assertThat(pids)
                .hasSize(3)
                .allSatisfy(pid -> assertThat(ProcessHandle.of(pid)).isPresent());
        assertThat(own.startupTime()).isLessThan(Duration.ofSeconds(30));

        long closing = System.nanoTime();
        own.close();
        Duration closeTime = Duration.ofNanos(System.nanoTime() - closing);

        LOG.info("own cluster: up in {} ms, closed in {} ms", own.startupTime().toMillis(), closeTime.toMillis());
        assertThat(pids)
                .allSatisfy(pid -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive))
                        .isEmpty());
        assertThat(directory).doesNotExist();
        assertThat(portAnswers(port)).isFalse();
        assertThat(closeTime).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void shouldStartAgainWithOtherPortsWhenAPickedPortWasTakenMeanwhile() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            AtomicInteger picks = new AtomicInteger();
            // the first pick (the monitor's v1 port) is one someone else holds: the monitor cannot bind it
            IntSupplier ports = () -> picks.getAndIncrement() == 0 ? taken.getLocalPort() : FreePorts.pick("127.0.0.1");

            try (RealRgw retried = RealRgw.builder().ports(ports).start()) {
                Credential key = retried.createUser("retried");
                retried.createBucket(key, "retried-bucket");

                assertThat(picks.get()).isGreaterThan(3);
                assertThat(Files.readString(retried.directory().resolve("ceph.conf")))
                        .doesNotContain(":" + taken.getLocalPort() + "]");
                assertThat(MinioProbe.list(retried.endpoint(), key, "retried-bucket"))
                        .isEqualTo(MinioProbe.OK);
            }
        }
    }

    @Test
    void shouldHandOutRgwShapedKeyWhenUserIsCreated() throws Exception {
        Credential key = rgw.createUser("created");

        assertThat(key.accessKeyId()).matches("[A-Z0-9]{20}");
        assertThat(key.secret().reveal()).hasSize(40);
        assertThat(rgw.user("created").keys()).containsExactly(key);
        rgw.createBucket(key, "created-bucket");
        assertThat(MinioProbe.list(rgw.endpoint(), key, "created-bucket")).isEqualTo(MinioProbe.OK);
    }

    @Test
    void shouldListKeysByAccessKeyNotByAgeWhenKeysAreAdded() {
        List<String> creationOrder = new ArrayList<>();
        creationOrder.add(rgw.createUser("sorted").accessKeyId());
        // add keys until the newest one does not sort last: then "sorted by age" and "sorted by id" differ
        do {
            creationOrder.add(rgw.addKey("sorted").accessKeyId());
        } while (creationOrder.size() < 10 && isSorted(creationOrder));

        List<String> listed =
                rgw.user("sorted").keys().stream().map(Credential::accessKeyId).toList();

        assertThat(creationOrder).as("creation order differs from id order").isNotEqualTo(sorted(creationOrder));
        assertThat(listed).isEqualTo(sorted(creationOrder));
    }

    @Test
    void shouldAcceptBothKeysWhenTheyOverlap() throws Exception {
        Credential old = rgw.createUser("overlap");
        rgw.createBucket(old, "overlap-bucket");

        Credential fresh = rgw.addKey("overlap");

        assertThat(fresh.accessKeyId()).isNotEqualTo(old.accessKeyId());
        assertThat(MinioProbe.list(rgw.endpoint(), old, "overlap-bucket")).isEqualTo(MinioProbe.OK);
        assertThat(MinioProbe.list(rgw.endpoint(), fresh, "overlap-bucket")).isEqualTo(MinioProbe.OK);
    }

    @Test
    void shouldRejectOldKeyWithInvalidAccessKeyIdRightAfterRemoval() throws Exception {
        Credential old = rgw.createUser("removed");
        rgw.createBucket(old, "removed-bucket");
        Credential fresh = rgw.addKey("removed");
        assertThat(MinioProbe.list(rgw.endpoint(), old, "removed-bucket")).isEqualTo(MinioProbe.OK);

        rgw.removeKey("removed", old.accessKeyId());

        assertThat(MinioProbe.list(rgw.endpoint(), old, "removed-bucket")).isEqualTo("InvalidAccessKeyId");
        assertThat(MinioProbe.list(rgw.endpoint(), fresh, "removed-bucket")).isEqualTo(MinioProbe.OK);
        assertThat(rgw.user("removed").keys()).containsExactly(fresh);
    }

    @Test
    void shouldRejectWrongSecretWithSignatureDoesNotMatch() throws Exception {
        Credential key = rgw.createUser("wrong-secret");
        rgw.createBucket(key, "wrong-secret-bucket");

        String answer = MinioProbe.list(
                rgw.endpoint(), Credential.of(key.accessKeyId(), "not-the-secret"), "wrong-secret-bucket");

        assertThat(answer).isEqualTo("SignatureDoesNotMatch");
    }

    @Test
    void shouldRejectSuspendedUserWithUserSuspendedUntilResumed() throws Exception {
        Credential key = rgw.createUser("suspended");
        rgw.createBucket(key, "suspended-bucket");

        rgw.suspend("suspended");
        String whileSuspended = MinioProbe.list(rgw.endpoint(), key, "suspended-bucket");
        boolean flagged = rgw.user("suspended").suspended();
        rgw.resume("suspended");

        assertThat(whileSuspended).isEqualTo("UserSuspended");
        assertThat(flagged).isTrue();
        assertThat(MinioProbe.list(rgw.endpoint(), key, "suspended-bucket")).isEqualTo(MinioProbe.OK);
    }

    @Test
    void shouldNameStepAndHideSecretsWhenRadosgwAdminRefuses() {
        Credential first = rgw.createUser("twice");

        assertThatThrownBy(() -> rgw.createUser("twice")).isInstanceOfSatisfying(RealRgwException.class, e -> {
            assertThat(e.step()).isEqualTo("radosgw-admin user create");
            assertThat(e.getMessage())
                    .contains("exited with")
                    .doesNotContain(first.secret().reveal());
        });
        assertThatThrownBy(() -> rgw.removeKey("twice", "NOSUCHKEY00000000000"))
                .isInstanceOfSatisfying(
                        RealRgwException.class, e -> assertThat(e.step()).isEqualTo("radosgw-admin key rm"));
    }

    @Test
    void shouldKeepSecretsOutOfEveryLogWhenUsersAndKeysChange() throws Exception {
        Credential first = rgw.createUser("logged");
        rgw.createBucket(first, "logged-bucket");
        Credential second = rgw.addKey("logged");
        MinioProbe.list(rgw.endpoint(), first, "logged-bucket");
        rgw.removeKey("logged", first.accessKeyId());
        MinioProbe.list(rgw.endpoint(), first, "logged-bucket");
        MinioProbe.list(rgw.endpoint(), Credential.of(second.accessKeyId(), "wrong"), "logged-bucket");
        Throwable refused = catchThrowable(() -> rgw.createUser("logged"));

        List<Path> logs;
        try (Stream<Path> files = Files.list(rgw.directory().resolve("log"))) {
            logs = files.toList();
        }

        assertThat(logs)
                .extracting(path -> path.getFileName().toString())
                .contains("mon.a.log", "osd.0.log", "client.rgw.a.log");
        for (Path log : logs) {
            assertThat(Files.readString(log))
                    .as(log.toString())
                    .doesNotContain(first.secret().reveal(), second.secret().reveal());
        }
        assertThat(refused).isInstanceOf(RealRgwException.class);
        assertThat(refused.getMessage())
                .doesNotContain(first.secret().reveal(), second.secret().reveal());
        assertThat(rgw.toString()).doesNotContain(first.secret().reveal());
    }

    @Test
    void shouldServeHttpsWithCertificateFromTestPkiWhenStartedByExtension() throws Exception {
        Credential key = rgw.createUser("tls");
        rgw.createBucket(key, "tls-bucket");
        X509Certificate ca = rgw.certificate().orElseThrow().issuerCertificate();

        Optional<URI> endpoint = rgw.httpsEndpoint();

        assertThat(endpoint)
                .hasValueSatisfying(uri -> assertThat(uri.getScheme()).isEqualTo("https"));
        assertThat(MinioProbe.list(endpoint.get(), key, "tls-bucket", ca)).isEqualTo(MinioProbe.OK);
        assertThat(MinioProbe.list(rgw.httpsEndpoint("localhost").orElseThrow(), key, "tls-bucket", ca))
                .isEqualTo(MinioProbe.OK);
        assertThat(rgw.caCertificatePem())
                .hasValueSatisfying(pem -> assertThat(pem)
                        .startsWith("-----BEGIN CERTIFICATE-----\n")
                        .endsWith("-----END CERTIFICATE-----\n"));
        assertThatThrownBy(() -> MinioProbe.list(
                        endpoint.get(),
                        key,
                        "tls-bucket",
                        TestPki.newCa("another-ca").caCertificate()))
                .satisfies(e -> assertThat(causeChain(e)).hasAtLeastOneElementOfType(SSLHandshakeException.class));
    }

    private static boolean portAnswers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static List<Throwable> causeChain(Throwable thrown) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = thrown; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    private static boolean isSorted(List<String> ids) {
        return ids.equals(sorted(ids));
    }

    private static List<String> sorted(List<String> ids) {
        return ids.stream().sorted(Comparator.naturalOrder()).toList();
    }
}
