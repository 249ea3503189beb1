package dev.credrift.app.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.credrift.app.config.ConfigParser;
import dev.credrift.app.config.CredriftConfig;
import dev.credrift.app.config.InvalidConfigException;
import dev.credrift.events.credential.Fingerprinter;
import dev.credrift.watcher.WatcherConfig;
import dev.credrift.watcher.vault.VaultPolling;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The watcher's settings from the configuration file: Secret namespaces, and vault polling on the one Connect. */
class WatcherRoleConfigTest {

    private static final Path FILE = Path.of("/etc/credrift/credrift.yaml");
    private static final Fingerprinter FINGERPRINTER =
            new Fingerprinter("watcher role config test key".getBytes(StandardCharsets.UTF_8));
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close();
    }

    @Test
    void shouldWatchListedNamespacesAndPollTheReconcilersConnectServerWhenConfigured() {
        WatcherConfig config = watcherConfig("""
                onePassword:
                  url: https://connect.credrift:8443
                  tokenFile: /etc/credrift/1password/token
                  caFile: /etc/credrift/1password-ca/ca.crt
                  requestTimeout: 7s
                watcher:
                  secretNamespaces: [storage, monitoring]
                  vault:
                    pollInterval: 45s
                    maxRequestsPerMinute: 30
                """);

        assertThat(config.secretNamespaces()).containsExactlyInAnyOrder("storage", "monitoring");
        assertThat(config.vaultPolling()).hasValueSatisfying(polling -> {
            assertThat(polling.connectUrl()).isEqualTo(URI.create("https://connect.credrift:8443"));
            assertThat(polling.tokenFile()).isEqualTo(Path.of("/etc/credrift/1password/token"));
            assertThat(polling.caFile()).contains(Path.of("/etc/credrift/1password-ca/ca.crt"));
            assertThat(polling.requestTimeout()).isEqualTo(Duration.ofSeconds(7));
            assertThat(polling.pollInterval()).isEqualTo(Duration.ofSeconds(45));
            assertThat(polling.maxRequests()).isEqualTo(30);
            assertThat(polling.per()).isEqualTo(Duration.ofMinutes(1));
        });
    }

    @Test
    void shouldWatchEveryNamespaceAndPollWithDefaultsWhenOnlyConnectIsConfigured() {
        WatcherConfig config = watcherConfig("""
                onePassword:
                  url: http://connect.credrift:8080
                  tokenFile: /etc/credrift/1password/token
                """);

        assertThat(config.secretNamespaces()).isEmpty();
        assertThat(config.vaultPolling()).hasValueSatisfying(polling -> {
            assertThat(polling.pollInterval()).isEqualTo(VaultPolling.DEFAULT_POLL_INTERVAL);
            assertThat(polling.maxRequests()).isEqualTo(VaultPolling.DEFAULT_MAX_REQUESTS_PER_MINUTE);
        });
        assertThat(watcherConfig("watcher: {resyncPeriod: 5m}\n").vaultPolling())
                .isEmpty();
        assertThat(watcherConfig("""
                onePassword: {url: http://connect:8080, tokenFile: /t}
                watcher:
                  vault: {enabled: false}
                """).vaultPolling()).isEmpty();
    }

    @Test
    void shouldNameTheFieldWhenAWatcherSettingIsWrong() {
        assertThatThrownBy(() -> ConfigParser.parse(FILE, "watcher:\n  secretNamespaces: [storage, Bad_NS]\n"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage(FILE + ":2: watcher.secretNamespaces[1]: 'Bad_NS' is not a namespace name");
        assertThatThrownBy(() -> ConfigParser.parse(FILE, "watcher:\n  vault:\n    enabled: true\n"))
                .hasMessage(FILE + ":3: watcher.vault.enabled: needs the onePassword section (the Connect server to"
                        + " poll)");
        assertThatThrownBy(() -> ConfigParser.parse(FILE, "watcher:\n  vault:\n    maxRequestsPerMinute: 0\n"))
                .hasMessageStartingWith(FILE + ":3: watcher.vault.maxRequestsPerMinute: ");
    }

    private WatcherConfig watcherConfig(String yaml) {
        CredriftConfig config = ConfigParser.parse(FILE, yaml);
        RoleContext context = OfflineRoleContext.of(vertx, config);
        return WatcherRole.config(FINGERPRINTER, context);
    }
}
