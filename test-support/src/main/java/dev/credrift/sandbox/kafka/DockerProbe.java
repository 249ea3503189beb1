package dev.credrift.sandbox.kafka;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Answers "is there a Docker daemon?" cheaply. Testcontainers' own discovery tries every strategy,
 * logs an error per failure and can take seconds; on a machine with no Docker endpoint at all we
 * do not ask it.
 */
final class DockerProbe {

    private DockerProbe() {}

    /** Why there is no Docker daemon, or empty if there is one. */
    static Optional<String> missingReason() {
        if (!hasEndpoint(
                System.getenv(), Path.of(System.getProperty("user.home")), System.getProperty("os.name", ""))) {
            return Optional.of(
                    "no Docker endpoint (DOCKER_HOST unset, no docker.sock, no ~/.testcontainers.properties)");
        }
        try {
            return org.testcontainers.DockerClientFactory.instance().isDockerAvailable()
                    ? Optional.empty()
                    : Optional.of("Testcontainers found no working Docker daemon");
        } catch (RuntimeException | LinkageError e) {
            return Optional.of("Testcontainers could not probe Docker: " + e);
        }
    }

    /** True when some Docker endpoint might exist, so asking Testcontainers is worth its time. */
    static boolean hasEndpoint(Map<String, String> environment, Path home, String osName) {
        if (osName.toLowerCase(Locale.ROOT).contains("win")) {
            return true; // named pipes: nothing cheap to look at
        }
        if (!environment.getOrDefault("DOCKER_HOST", "").isBlank()) {
            return true;
        }
        List<Path> candidates = new ArrayList<>(List.of(
                Path.of("/var/run/docker.sock"),
                home.resolve(".testcontainers.properties"),
                home.resolve(".docker/run/docker.sock"),
                home.resolve(".docker/desktop/docker.sock"),
                home.resolve(".rd/docker.sock"),
                home.resolve(".colima/default/docker.sock")));
        String runtimeDir = environment.get("XDG_RUNTIME_DIR");
        if (runtimeDir != null && !runtimeDir.isBlank()) {
            candidates.add(Path.of(runtimeDir, "docker.sock"));
            candidates.add(Path.of(runtimeDir, "podman", "podman.sock"));
        }
        return candidates.stream().anyMatch(Files::exists);
    }
}
