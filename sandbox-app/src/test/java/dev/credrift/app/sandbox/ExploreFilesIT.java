package dev.credrift.app.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.sandbox.world.BuiltInWorlds;
import dev.credrift.sandbox.world.World;
import dev.credrift.sandbox.world.WorldOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * What {@code --keep-running} hands a newcomer, on story 1's world: a kubeconfig the real kubectl (1.32, the machine
 * image's) uses as it is, and the Connect token in a file only its owner reads, whose path — never the token — is
 * printed.
 */
class ExploreFilesIT {

    private static final Path KUBECTL = Path.of("/usr/bin/kubectl");

    @Test
    void shouldWriteAWorkingKubeconfigAndAPrivateTokenFileWithoutPrintingTheTokenWhenKeepingAWorld() throws Exception {
        try (World world = World.start(BuiltInWorlds.load("story-1-loki-rook-1password"), WorldOptions.worldOnly())) {
            ExploreFiles files = ExploreFiles.write(world);
            try {
                String token = world.onePasswordToken().reveal();
                assertThat(Files.readString(files.connectTokenFile())).isEqualTo(token);
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.connectTokenFile())))
                        .isEqualTo("rw-------");
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.directory())))
                        .isEqualTo("rwx------");
                assertThat(files.namespace()).isEqualTo("monitoring");
                List<String> lines = ExploreHints.lines(
                        world.kubernetes().kubectlUrl(),
                        files,
                        "127.0.0.1:9092",
                        "credrift.story-1",
                        world.onePasswordUrl());
                assertThat(String.join("\n", lines))
                        .doesNotContain(token)
                        .contains("export KUBECONFIG=" + files.kubeconfig());

                Assumptions.assumeTrue(
                        Files.isExecutable(KUBECTL),
                        "kubectl is not installed at " + KUBECTL
                                + ": the rest of this test needs the machine image's kubectl v1.32");
                Path output = files.directory().resolve("kubectl.out");
                Process kubectl = new ProcessBuilder(
                                KUBECTL.toString(),
                                "--kubeconfig",
                                files.kubeconfig().toString(),
                                "--cache-dir",
                                files.directory().resolve("cache").toString(),
                                "get",
                                "credentialbindings")
                        .redirectErrorStream(true)
                        .redirectOutput(output.toFile())
                        .start();
                assertThat(kubectl.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(kubectl.exitValue()).as(Files.readString(output)).isZero();
                assertThat(Files.readString(output)).contains("loki-s3", "Remediate");
            } finally {
                files.delete();
            }
            assertThat(files.directory()).doesNotExist();
        }
    }
}
