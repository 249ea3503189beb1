package dev.credrift.app.roles;

import dev.credrift.app.config.CredriftConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What each role needs from the configuration, checked before anything starts so that a missing
 * {@code fingerprintKeyFile} is reported at once, naming the field, rather than after Kafka came up.
 */
public final class RoleRequirements {

    private RoleRequirements() {}

    /** Why {@code role} cannot start with {@code config}, or empty if it can. */
    public static Optional<String> unmet(Role role, CredriftConfig config) {
        List<String> missing = new ArrayList<>();
        if ((role == Role.WATCHER || role == Role.RECONCILER)
                && config.fingerprintKeyFile().isEmpty()) {
            missing.add("fingerprintKeyFile");
        }
        if (role == Role.RECONCILER && config.onePassword().isEmpty()) {
            missing.add("onePassword (url, tokenFile)");
        }
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                "needs " + String.join(" and ", missing) + " in the configuration file " + config.describeSource());
    }
}
