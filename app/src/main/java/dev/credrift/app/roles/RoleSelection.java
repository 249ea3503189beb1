package dev.credrift.app.roles;

import dev.credrift.app.config.CredriftConfig;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which roles {@code credrift run} starts. Roles asked for with {@code --roles} must be able to start, or the
 * command refuses with the reason. Without {@code --roles}, a configuration file means "all of them" (again
 * refusing if one lacks what it needs); without a configuration file only the roles that need none start, and the
 * others are reported as left out.
 *
 * @param notices one line per role left out, saying why
 */
public record RoleSelection(Set<Role> roles, List<String> notices) {

    public RoleSelection {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        notices = List.copyOf(notices);
    }

    /** @throws IllegalArgumentException naming the role and what it lacks */
    public static RoleSelection choose(Optional<Set<Role>> requested, CredriftConfig config) {
        Set<Role> chosen = EnumSet.noneOf(Role.class);
        List<String> notices = new ArrayList<>();
        if (requested.isPresent()) {
            if (requested.get().isEmpty()) {
                throw new IllegalArgumentException("--roles needs at least one of watcher, reconciler, notifier");
            }
            for (Role role : EnumSet.copyOf(requested.get())) {
                Optional<String> unmet = RoleRequirements.unmet(role, config);
                if (unmet.isPresent()) {
                    throw new IllegalArgumentException("--roles " + role.label() + ": " + unmet.get());
                }
                chosen.add(role);
            }
            return new RoleSelection(chosen, notices);
        }
        for (Role role : Role.values()) {
            Optional<String> unmet = RoleRequirements.unmet(role, config);
            if (unmet.isEmpty()) {
                chosen.add(role);
            } else if (config.file().isEmpty()) {
                notices.add(role.label() + " not started: " + unmet.get());
            } else {
                throw new IllegalArgumentException(
                        role.label() + " " + unmet.get() + " (or run only some roles with --roles)");
            }
        }
        return new RoleSelection(chosen, notices);
    }
}
