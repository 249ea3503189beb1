package dev.credrift.app.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.credrift.app.cli.Environment;
import dev.credrift.app.local.LocalMain;
import dev.credrift.sandbox.rgw.CephBinaries;
import dev.credrift.sandbox.world.BuiltInWorlds;
import dev.credrift.sandbox.world.World;
import dev.credrift.sandbox.world.spec.WorldSpec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SandboxCommandTest {

    private static final String TWIN = "story-1-loki-rook-1password-rgw";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void shouldChooseEveryBuiltInStoryWhenNoWorldIsGiven() {
        assertThat(worlds().stream().map(WorldSpec::name)).containsExactlyElementsOf(BuiltInWorlds.names());
    }

    @Test
    void shouldAcceptUniquePrefixWhenStoryIsGiven() {
        assertThat(worlds("--story", "story-1").stream().map(WorldSpec::name))
                .containsExactly("story-1-loki-rook-1password");
    }

    @Test
    void shouldChooseTheRgwTwinWhenItsFullNameIsGiven() {
        assertThat(worlds("--story", "story-1-loki-rook-1password-rgw").stream().map(WorldSpec::name))
                .containsExactly("story-1-loki-rook-1password-rgw");
        assertThat(worlds("--story", "story-1-loki-rook-1password-").stream().map(WorldSpec::name))
                .containsExactly("story-1-loki-rook-1password-rgw");
    }

    @Test
    void shouldNameChoicesWhenStoryIsAmbiguousOrUnknown() {
        assertThatThrownBy(() -> worlds("--story", "story-3"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("--story story-3 is ambiguous");
        assertThatThrownBy(() -> worlds("--story", "story-9"))
                .hasMessageContaining("--story story-9 is not a built-in story; built-in: story-1-loki-rook-1password");
    }

    @Test
    void shouldExitTwoNamingFileAndLineWhenWorldFileIsBad(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, "apiVersion: sandbox.credrift.dev/v1alpha1\nkind: World\nname: broken\ntimeline: 3\n");

        int exitCode = commandLine().execute("sandbox", "--world", file.toString());

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("credrift: world file").contains("broken.yaml");
    }

    @Test
    void shouldExitTwoBeforeAnyWorldStartsWhenAKubernetesObjectHasAWrongType(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("replicas.yaml");
        Files.writeString(file, """
                apiVersion: sandbox.credrift.dev/v1alpha1
                kind: World
                name: replicas
                objects:
                  - apiVersion: apps/v1
                    kind: Deployment
                    metadata: {name: loki, namespace: monitoring}
                    spec: {replicas: two}
                """);
        AtomicInteger worldsStarted = new AtomicInteger();
        CommandLine commandLine = commandLine();
        ((SandboxCommand) commandLine.getSubcommands().get("sandbox").getCommand()).observeWorlds(new WorldObserver() {
            @Override
            public void worldStarted(World world) {
                worldsStarted.incrementAndGet();
            }
        });

        int exitCode = commandLine.execute("sandbox", "--world", file.toString());

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString().lines().findFirst())
                .contains("credrift: world file " + file
                        + ":8:22: objects[0].spec.replicas: must be a whole number, not text, in Deployment apps/v1");
        assertThat(worldsStarted).hasValue(0);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void shouldListBuiltInStoriesWhenListIsAsked() {
        int exitCode = commandLine().execute("sandbox", "--list");

        assertThat(exitCode).isZero();
        assertThat(out.toString())
                .contains("story-1-loki-rook-1password  —  RGW regenerates loki's keys")
                .contains("story-1-loki-rook-1password-rgw  —  Story 1 on a real Ceph RGW");
    }

    @Test
    void shouldShowTheInstallLineWhenCephIsMissing(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rgw.yaml");
        Files.writeString(file, BuiltInWorlds.yaml(TWIN));
        withoutCeph(dir, () -> {
            assertThat(commandLine().execute("sandbox", "--list")).isZero();
            assertThat(out.toString().lines().filter(line -> line.startsWith(TWIN)))
                    .singleElement()
                    .asString()
                    .contains("[skipped here: its store is a real Ceph RGW")
                    .contains(CephBinaries.INSTALL_COMMAND);

            int exitCode = commandLine().execute("sandbox", "--world", file.toString());

            assertThat(exitCode).isEqualTo(2);
            assertThat(err.toString())
                    .contains("world file " + file + " cannot run here: its store is a real Ceph"
                            + " RGW (store.backend: rgw)")
                    .contains(CephBinaries.INSTALL_COMMAND);
        });
    }

    @Test
    void shouldSkipTheRgwTwinWithoutStartingAnythingWhenCephIsMissing(@TempDir Path dir) {
        withoutCeph(dir, () -> {
            int exitCode = commandLine().execute("sandbox", "--story", TWIN);

            assertThat(exitCode).isZero();
            assertThat(out.toString())
                    .contains("  – SKIPPED: its store is a real Ceph RGW")
                    .contains("– SKIPPED " + TWIN + ": its store is a real Ceph RGW (store.backend: rgw); ")
                    .contains(CephBinaries.INSTALL_COMMAND)
                    .contains("all 0 world(s) reached their expected end state, 1 skipped")
                    .doesNotContain("Kafka: embedded broker");
        });
    }

    @Test
    void shouldFailTheRgwTwinWhenCephIsMissingOnCi(@TempDir Path dir) {
        withoutCeph(dir, () -> {
            int exitCode = commandLine(Map.of("CI", "true")).execute("sandbox", "--story", TWIN);

            assertThat(exitCode).isEqualTo(1);
            assertThat(out.toString())
                    .contains("✗ FAILED " + TWIN + ": CI=true, and its store is a real Ceph RGW")
                    .contains(CephBinaries.INSTALL_COMMAND)
                    .contains("1 of 1 world(s) did NOT reach their expected end state");
        });
    }

    /** Runs {@code body} as on a machine without Ceph, whether or not this one has it. */
    private static void withoutCeph(Path dir, Runnable body) {
        String previous = System.getProperty(CephBinaries.SEARCH_PATH_PROPERTY);
        System.setProperty(
                CephBinaries.SEARCH_PATH_PROPERTY, dir.resolve("no-ceph-here").toString());
        try {
            body.run();
        } finally {
            if (previous == null) {
                System.clearProperty(CephBinaries.SEARCH_PATH_PROPERTY);
            } else {
                System.setProperty(CephBinaries.SEARCH_PATH_PROPERTY, previous);
            }
        }
    }

    @Test
    void shouldUseLegalTopicNamesWhenWorldNameHasOtherCharacters() {
        assertThat(SandboxRunner.topicPrefix("my world/1")).isEqualTo("credrift.my-world-1");
    }

    private java.util.List<WorldSpec> worlds(String... args) {
        CommandLine commandLine = commandLine();
        String[] all = new String[args.length + 1];
        all[0] = "sandbox";
        System.arraycopy(args, 0, all, 1, args.length);
        CommandLine.ParseResult parsed = commandLine.parseArgs(all);
        return ((SandboxCommand) parsed.subcommand().commandSpec().userObject()).worlds();
    }

    private CommandLine commandLine() {
        return commandLine(Map.of());
    }

    private CommandLine commandLine(Map<String, String> environment) {
        CommandLine commandLine = LocalMain.commandLine(Environment.of(environment));
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine;
    }
}
