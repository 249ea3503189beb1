package dev.credrift.app.sandbox;

import dev.credrift.app.cli.Environment;
import dev.credrift.sandbox.world.BuiltInWorlds;
import dev.credrift.sandbox.world.file.WorldFileException;
import dev.credrift.sandbox.world.file.WorldFileReader;
import dev.credrift.sandbox.world.spec.WorldSpec;
import dev.credrift.sandbox.world.store.WorldStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code credrift sandbox}: replays the field stories (or any world file) with the real credrift, in this process. */
@Command(
        name = "sandbox",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Replay incidents on an emulated cluster with the real watcher, reconciler and notifier: an"
                    + " embedded Kafka broker, a Kubernetes API stand-in with Rook, External Secrets and kubelet emulators,"
                    + " an S3 store, a 1Password Connect emulator and a webhook sink — all in this process, on 127.0.0.1.",
            "Without --world it replays the built-in stories (see --list). Prints a timeline, a hop table per"
                    + " binding and how long healing took.",
            "A built-in world whose store is a real Ceph RGW runs only where the Ceph binaries are installed;"
                    + " elsewhere it is skipped with the line that installs them (with CI=true it fails).",
            "Exit status: 0 every world reached its expected end state, 1 one did not, 2 usage error or a bad"
                    + " world file (or one that needs Ceph where it is not installed)."
        })
public final class SandboxCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--world",
            paramLabel = "FILE",
            description = "Run this world file instead of the built-in stories" + " (repeatable).")
    private List<Path> worldFiles = new ArrayList<>();

    @Option(
            names = "--story",
            paramLabel = "NAME",
            description = "Run only this built-in story; a unique prefix such" + " as story-1 is enough (repeatable).")
    private List<String> stories = new ArrayList<>();

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Write outcomes.jsonl, audit.jsonl and" + " notifications.jsonl into DIR.")
    private Path outDirectory;

    @Option(
            names = "--keep-running",
            description = "Keep the last world and credrift up after its story, print the"
                    + " Kubernetes API, Kafka and webhook sink addresses, and wait for Ctrl-C.")
    private boolean keepRunning;

    @Option(names = "--list", description = "List the built-in stories and exit.")
    private boolean list;

    @Option(
            names = "--verbose",
            description = "Show credrift's and the emulators' INFO logs on stderr (default: warnings only).")
    private boolean verbose;

    private WorldObserver observer = WorldObserver.NONE;
    private final Environment environment;

    /** Reads {@code CI} from the process environment. */
    public SandboxCommand() {
        this(Environment.system());
    }

    /** Reads {@code CI} from {@code environment}. */
    public SandboxCommand(Environment environment) {
        this.environment = environment;
    }

    /** Lets a test see each world while it is up. */
    public SandboxCommand observeWorlds(WorldObserver worldObserver) {
        this.observer = worldObserver;
        return this;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (list) {
            BuiltInWorlds.names().forEach(name -> {
                WorldSpec world = BuiltInWorlds.load(name);
                out.println(name + "  —  " + world.description().strip()
                        + WorldStore.unavailableReason(world.store())
                                .map(reason -> " [skipped here: " + reason + "]")
                                .orElse(""));
            });
            out.flush();
            return 0;
        }
        List<WorldSpec> worlds = worlds();
        if (!verbose) {
            // the timeline on stdout tells the story; INFO lines of a dozen components would drown it
            Configurator.setRootLevel(Level.WARN);
        }
        boolean ci = environment.get("CI").filter("true"::equalsIgnoreCase).isPresent();
        return new SandboxRunner(
                        new SandboxRunner.Options(out, Optional.ofNullable(outDirectory), keepRunning, observer, ci))
                .run(worlds);
    }

    /** The worlds to run, all parsed before anything starts, so a bad file costs nothing. */
    List<WorldSpec> worlds() {
        if (!worldFiles.isEmpty() && !stories.isEmpty()) {
            throw usage("give either --world or --story, not both");
        }
        List<WorldSpec> worlds = new ArrayList<>();
        for (Path file : worldFiles) {
            WorldSpec world;
            try {
                world = WorldFileReader.read(file);
            } catch (WorldFileException e) {
                throw usage("world file " + e.getMessage());
            }
            // a file the user asked for is not skipped like a built-in story: it cannot run here, say so now
            Optional<String> unavailable = WorldStore.unavailableReason(world.store());
            if (unavailable.isPresent()) {
                throw usage("world file " + file + " cannot run here: " + unavailable.get());
            }
            worlds.add(world);
        }
        if (!worlds.isEmpty()) {
            return worlds;
        }
        List<String> names = stories.isEmpty()
                ? BuiltInWorlds.names()
                : stories.stream().map(this::builtIn).toList();
        names.forEach(name -> worlds.add(BuiltInWorlds.load(name)));
        return worlds;
    }

    private String builtIn(String wanted) {
        List<String> matches = BuiltInWorlds.names().stream()
                .filter(name -> name.equals(wanted) || name.startsWith(wanted))
                .toList();
        if (matches.size() == 1 || matches.contains(wanted)) {
            return matches.contains(wanted) ? wanted : matches.get(0);
        }
        // a twin's name extends its story's (story-1-…-rgw): the prefix still means the story itself
        Optional<String> stem = matches.stream()
                .filter(m -> matches.stream().allMatch(o -> o.startsWith(m)))
                .findFirst();
        if (stem.isPresent()) {
            return stem.get();
        }
        throw usage("--story " + wanted + (matches.isEmpty() ? " is not a built-in story" : " is ambiguous: " + matches)
                + "; built-in: " + String.join(", ", BuiltInWorlds.names()));
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
