package dev.credrift.sandbox.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerProbeTest {

    @TempDir
    Path home;

    @Test
    void shouldAskTestcontainersWhenDockerHostIsSet() {
        assertThat(DockerProbe.hasEndpoint(Map.of("DOCKER_HOST", "tcp://docker:2375"), home, "Linux"))
                .isTrue();
    }

    @Test
    void shouldAskTestcontainersWhenTestcontainersIsConfigured() throws IOException {
        Files.writeString(home.resolve(".testcontainers.properties"), "docker.host=tcp://docker:2375\n");

        assertThat(DockerProbe.hasEndpoint(Map.of(), home, "Linux")).isTrue();
    }

    @Test
    void shouldAskTestcontainersWhenOnWindows() {
        assertThat(DockerProbe.hasEndpoint(Map.of(), home, "Windows 11")).isTrue();
    }

    @Test
    void shouldSkipTestcontainersWhenNoEndpointExists() {
        assumeFalse(Files.exists(Path.of("/var/run/docker.sock")), "this machine has a Docker socket");

        assertThat(DockerProbe.hasEndpoint(Map.of("XDG_RUNTIME_DIR", home.toString()), home, "Linux"))
                .isFalse();
    }
}
