package dev.credrift.app.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.credrift.app.config.ConfigParser;
import dev.credrift.app.config.CredriftConfig;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoleSelectionTest {

    private static final Path FILE = Path.of("credrift.yaml");
    private static final CredriftConfig FULL = ConfigParser.parse(FILE, """
            fingerprintKeyFile: /keys/fingerprint
            onePassword: {url: "http://connect:8080", tokenFile: /keys/token}
            """);

    @Test
    void shouldStartOnlyNotifierAndSayWhyWhenThereIsNoConfigFile() {
        RoleSelection selection = RoleSelection.choose(Optional.empty(), CredriftConfig.none());

        assertThat(selection.roles()).containsExactly(Role.NOTIFIER);
        assertThat(selection.notices())
                .containsExactly(
                        "watcher not started: needs fingerprintKeyFile in the configuration file (no configuration file)",
                        "reconciler not started: needs fingerprintKeyFile and onePassword (url, tokenFile) in the configuration"
                                + " file (no configuration file)");
    }

    @Test
    void shouldStartAllRolesWhenConfigHasWhatTheyNeed() {
        RoleSelection selection = RoleSelection.choose(Optional.empty(), FULL);

        assertThat(selection.roles()).containsExactlyInAnyOrder(Role.WATCHER, Role.RECONCILER, Role.NOTIFIER);
        assertThat(selection.notices()).isEmpty();
    }

    @Test
    void shouldRefuseWhenConfigFileLacksWhatDefaultRolesNeed() {
        CredriftConfig noVault = ConfigParser.parse(FILE, "fingerprintKeyFile: /keys/fingerprint\n");

        assertThatThrownBy(() -> RoleSelection.choose(Optional.empty(), noVault))
                .hasMessage("reconciler needs onePassword (url, tokenFile) in the configuration file credrift.yaml"
                        + " (or run only some roles with --roles)");
    }

    @Test
    void shouldRunOnlyRequestedRolesWhenRolesAreGiven() {
        CredriftConfig watcherOnly = ConfigParser.parse(FILE, "fingerprintKeyFile: /keys/fingerprint\n");

        RoleSelection selection = RoleSelection.choose(Optional.of(Set.of(Role.WATCHER, Role.NOTIFIER)), watcherOnly);

        assertThat(selection.roles()).containsExactlyInAnyOrder(Role.WATCHER, Role.NOTIFIER);
    }

    @Test
    void shouldNameRoleAndFieldWhenRequestedRoleCannotStart() {
        assertThatThrownBy(() -> RoleSelection.choose(Optional.of(Set.of(Role.WATCHER)), CredriftConfig.none()))
                .hasMessage(
                        "--roles watcher: needs fingerprintKeyFile in the configuration file (no configuration file)");
    }
}
