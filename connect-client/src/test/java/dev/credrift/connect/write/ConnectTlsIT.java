package dev.credrift.connect.write;

import static dev.credrift.connect.write.ConnectFixture.ITEM;
import static dev.credrift.connect.write.ConnectFixture.VAULT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.credrift.connect.ConnectException;
import dev.credrift.connect.InvalidConnectConfig;
import dev.credrift.sandbox.onepassword.OnePasswordConnectEmulator;
import dev.credrift.sandbox.tls.ServerCertificate;
import dev.credrift.sandbox.tls.TestPki;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectTlsIT {

    private static TestPki ca;

    @TempDir
    Path dir;

    @BeforeAll
    static void generateCa() {
        ca = TestPki.newCa("credrift connect test CA");
    }

    @Test
    void shouldTalkHttpsWhenTrustingThePrivateCa() throws IOException {
        try (ConnectFixture world = httpsWorld(ca.serverCertificate("127.0.0.1", "localhost"))) {
            OnePasswordConnectClient client =
                    OnePasswordConnectClient.create(world.config().withCaBundle(caFile(ca)));

            assertThat(client.locateItem(VAULT, ITEM).title()).isEqualTo(ITEM);
            assertThat(world.emulator.baseUri().getScheme()).isEqualTo("https");
        }
    }

    @Test
    void shouldSayUntrustedWhenServerCertificateFromAnotherCa() throws IOException {
        try (ConnectFixture world = httpsWorld(ca.serverCertificate("127.0.0.1", "localhost"))) {
            OnePasswordConnectClient client =
                    OnePasswordConnectClient.create(world.config().withCaBundle(caFile(TestPki.newCa("not our CA"))));

            assertUnreachable(client, ConnectException.Unreachable.Reason.TLS_UNTRUSTED_CERTIFICATE);
        }
    }

    @Test
    void shouldSayUntrustedWhenNoCaBundleGivenForPrivateCa() {
        try (ConnectFixture world = httpsWorld(ca.serverCertificate("127.0.0.1", "localhost"))) {
            assertUnreachable(world.client(), ConnectException.Unreachable.Reason.TLS_UNTRUSTED_CERTIFICATE);
        }
    }

    @Test
    void shouldSayExpiredWhenServerCertificateExpired() throws IOException {
        ServerCertificate expired = ca.expiredServerCertificate("127.0.0.1", "localhost");
        try (ConnectFixture world = httpsWorld(expired)) {
            OnePasswordConnectClient client =
                    OnePasswordConnectClient.create(world.config().withCaBundle(caFile(ca)));

            assertUnreachable(client, ConnectException.Unreachable.Reason.TLS_CERTIFICATE_EXPIRED);
        }
    }

    @Test
    void shouldSayHostnameMismatchWhenCertificateNamesAnotherHost() throws IOException {
        ServerCertificate elsewhere = ca.serverCertificate("connect.example.org");
        try (ConnectFixture world = httpsWorld(elsewhere)) {
            OnePasswordConnectClient client =
                    OnePasswordConnectClient.create(world.config().withCaBundle(caFile(ca)));

            assertUnreachable(client, ConnectException.Unreachable.Reason.TLS_HOSTNAME_MISMATCH);
        }
    }

    @Test
    void shouldRejectConfigWhenCaBundleHoldsNoCertificate() throws IOException {
        Path notPem = Files.writeString(dir.resolve("ca.crt"), "not a certificate");
        try (ConnectFixture world = httpsWorld(ca.serverCertificate("127.0.0.1", "localhost"))) {
            assertThatThrownBy(
                            () -> OnePasswordConnectClient.create(world.config().withCaBundle(notPem)))
                    .isInstanceOfSatisfying(
                            InvalidConnectConfig.class,
                            e -> assertThat(e.setting()).isEqualTo("caBundle"))
                    .hasMessageContaining(notPem.toString());
        }
    }

    private static void assertUnreachable(OnePasswordConnectClient client, ConnectException.Unreachable.Reason reason) {
        assertThatThrownBy(() -> client.findVaultByName(VAULT))
                .isInstanceOfSatisfying(ConnectException.Unreachable.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains(reason.name()).contains("https://127.0.0.1:");
                });
    }

    private ConnectFixture httpsWorld(ServerCertificate certificate) {
        return new ConnectFixture(
                OnePasswordConnectEmulator.builder()
                        .token(ConnectFixture.TOKEN)
                        .https(certificate)
                        .start(),
                dir);
    }

    private Path caFile(TestPki authority) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "ca", ".crt"), authority.caCertificatePem());
    }
}
