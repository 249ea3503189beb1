package dev.credrift.app.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.credrift.app.CredriftCommand;
import dev.credrift.app.cli.Environment;
import dev.credrift.app.run.WorldFiles;
import dev.credrift.events.credential.Credential;
import dev.credrift.sandbox.world.BuiltInWorlds;
import dev.credrift.sandbox.world.World;
import dev.credrift.sandbox.world.WorldOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code credrift check} against story 1's world with no credrift running: in sync at first, then — once RGW has
 * rotated loki's keys — VAULT_STALE with the plan credrift would follow; nothing changed, no secret printed.
 */
class CheckCommandIT {

    @TempDir
    Path dir;

    private World world;
    private Path config;

    @BeforeEach
    void startWorld() throws Exception {
        byte[] fingerprintKey = new byte[32];
        new java.security.SecureRandom().nextBytes(fingerprintKey);
        world = World.start(BuiltInWorlds.load("story-1-loki-rook-1password"),
                WorldOptions.defaults().withFingerprintKey(fingerprintKey));
        Path key = Files.write(dir.resolve("fingerprint.key"), fingerprintKey);
        Path token = Files.writeString(dir.resolve("connect.token"), world.onePasswordToken().reveal());
        Path kubeconfig = WorldFiles.kubeconfig(dir, world.kubernetesUrl(), "monitoring");
        config = Files.writeString(dir.resolve("credrift.yaml"), """
                fingerprintKeyFile: %s
                kubernetes: {kubeconfig: %s}
                onePassword: {url: "%s", tokenFile: %s}
                """.formatted(key, kubeconfig, world.onePasswordUrl(), token));
    }

    @AfterEach
    void stopWorld() {
        world.close();
    }

    @Test
    void shouldReportInSyncThenTheDriftAndItsPlanWhenRgwRotatesAndChangeNothing() {
        Run inSync = check();
        assertThat(inSync.exit()).as(inSync.out()).isZero();
        assertThat(inSync.out()).contains("monitoring/loki-s3  IN_SYNC").contains("Accepted");

        Credential rotated = world.rook().rotate("storage", "storage", "loki");
        world.onePassword().clearRequests();
        // the Rook emulator writes the new Secret; the check must see it
        await().atMost(20, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(200))
                .until(() -> check().out().contains("VAULT_STALE"));
        Run drifted = check();

        assertThat(drifted.exit()).as(drifted.out()).isEqualTo(CheckCommand.DRIFTED);
        assertThat(drifted.out()).contains("monitoring/loki-s3  VAULT_STALE")
                .contains("vault      ✗").contains("would do   probe store")
                .contains("write vault").contains("force sync").contains("roll out StatefulSet monitoring/loki")
                .contains(rotated.maskedAccessKeyId().toString())
                .doesNotContain(rotated.secret().reveal()).doesNotContain(rotated.accessKeyId())
                .doesNotContain(world.onePasswordToken().reveal());
        assertThat(world.onePassword().requests()).noneMatch(r -> r.isWrite());
        assertThat(world.onePassword().readField("Infrastructure", "loki-s3-config", "access_key").reveal())
                .isNotEqualTo(rotated.accessKeyId());
        assertThat(world.kubernetesClient().genericKubernetesResources("external-secrets.io/v1", "ExternalSecret")
                .inNamespace("monitoring").withName("loki-s3-credentials").get().getMetadata().getAnnotations())
                .satisfiesAnyOf(a -> assertThat(a).isNull(), a -> assertThat(a).doesNotContainKey("force-sync"));
    }

    @Test
    void shouldSayNotCheckedAndExitThreeWhenTheBindingDoesNotExist() {
        Run missing = check("no-such-binding");

        assertThat(missing.exit()).isEqualTo(CheckCommand.NOT_ASSESSED);
        assertThat(missing.out()).contains("monitoring/no-such-binding  NOT CHECKED")
                .contains("no CredentialBinding monitoring/no-such-binding");
    }

    private Run check(String... names) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = CredriftCommand.commandLine(Environment.of(Map.of()));
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        String[] args = new String[3 + names.length];
        args[0] = "check";
        args[1] = "--config";
        args[2] = config.toString();
        System.arraycopy(names, 0, args, 3, names.length);
        int exit = commandLine.execute(args);
        return new Run(exit, out + err.toString());
    }

    private record Run(int exit, String out) {
    }
}
