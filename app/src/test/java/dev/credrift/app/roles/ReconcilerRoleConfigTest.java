package dev.credrift.app.roles;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.app.config.ConfigParser;
import dev.credrift.app.config.CredriftConfig;
import dev.credrift.events.credential.Fingerprinter;
import dev.credrift.reconciler.ReconcilerConfig;
import dev.credrift.reconciler.handle.Flapping;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The reconciler's settings from the configuration file. */
class ReconcilerRoleConfigTest {

    private static final Path FILE = Path.of("/etc/credrift/credrift.yaml");
    private static final Fingerprinter FINGERPRINTER =
            new Fingerprinter("reconciler role config test key".getBytes(StandardCharsets.UTF_8));
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close();
    }

    @Test
    void shouldTakeProbeCacheAndIdentityRecheckWhenConfigured() {
        ReconcilerConfig config = reconcilerConfig("""
                onePassword: {url: https://connect.credrift:8443, tokenFile: /etc/credrift/1password/token}
                reconciler:
                  probeCacheTtl: 10s
                  identityRecheck: 3m
                  globalRolloutsPerHour: 7
                """);

        assertThat(config.probing().cacheTtl()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.probing().identityRecheck()).isEqualTo(Duration.ofMinutes(3));
        assertThat(config.limits().globalRolloutsPerHour()).isEqualTo(7);
    }

    @Test
    void shouldTakeStoreRecheckAndKeepTheOtherProbingSettingsWhenConfigured() {
        ReconcilerConfig config = reconcilerConfig("""
                onePassword: {url: https://connect.credrift:8443, tokenFile: /etc/credrift/1password/token}
                reconciler: {storeRecheck: 45s}
                """);

        assertThat(config.probing().storeRecheck()).isEqualTo(Duration.ofSeconds(45));
        assertThat(config.probing().identityRecheck()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void shouldKeepTheOtherProbingDefaultWhenOnlyOneIsConfigured() {
        ReconcilerConfig defaults = reconcilerConfig("""
                onePassword: {url: https://connect.credrift:8443, tokenFile: /etc/credrift/1password/token}
                """);
        ReconcilerConfig recheckOnly = reconcilerConfig("""
                onePassword: {url: https://connect.credrift:8443, tokenFile: /etc/credrift/1password/token}
                reconciler: {identityRecheck: 1m}
                """);

        assertThat(recheckOnly.probing().cacheTtl())
                .isEqualTo(defaults.probing().cacheTtl());
        assertThat(recheckOnly.probing().identityRecheck()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void shouldTakeTheFlappingLimitAndKeepItWhenRolloutLimitsAreConfiguredToo() {
        ReconcilerConfig config = reconcilerConfig("""
                onePassword: {url: https://connect.credrift:8443, tokenFile: /etc/credrift/1password/token}
                reconciler:
                  globalRolloutsPerHour: 7
                  flappingSupersessions: 3
                  flappingWindow: 5m
                """);
        ReconcilerConfig defaults = reconcilerConfig("""
                onePassword: {url: https://connect.credrift:8443, tokenFile: /etc/credrift/1password/token}
                reconciler: {vaultWritesPerMinute: 9}
                """);

        assertThat(config.limits().flapping()).isEqualTo(new Flapping(3, Duration.ofMinutes(5)));
        assertThat(config.limits().globalRolloutsPerHour()).isEqualTo(7);
        assertThat(defaults.limits().flapping()).isEqualTo(Flapping.defaults());
    }

    private ReconcilerConfig reconcilerConfig(String yaml) {
        CredriftConfig config = ConfigParser.parse(FILE, yaml);
        RoleContext context = OfflineRoleContext.of(vertx, config);
        return ReconcilerRole.config(FINGERPRINTER, context);
    }
}
