package dev.credrift.app.sandbox;

import dev.credrift.api.CredentialBinding;
import dev.credrift.api.status.ConditionType;
import dev.credrift.api.status.CredentialBindingStatus;
import dev.credrift.app.kafka.BootstrapServers;
import dev.credrift.app.roles.Role;
import dev.credrift.sandbox.kafka.EmbeddedKafkaBroker;
import dev.credrift.sandbox.world.World;
import dev.credrift.sandbox.world.WorldException;
import dev.credrift.sandbox.world.WorldOptions;
import dev.credrift.sandbox.world.WorldReport;
import dev.credrift.sandbox.world.WorldRunner;
import dev.credrift.sandbox.world.spec.WorldSpec;
import dev.credrift.sandbox.world.store.WorldStore;
import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.logging.log4j.LogManager;

/**
 * Runs worlds one after another on one embedded Kafka broker: for each, the world, then credrift against it, then the
 * world's timeline and checks, printing as it goes. Each world gets its own topics ({@code credrift.<world>.*}) and
 * its own fingerprint key, shared between the world's judge and credrift.
 */
public final class SandboxRunner {

    /**
     * @param out          where the readable timeline goes (stdout)
     * @param outDirectory where to write the JSON Lines files, if anywhere
     * @param keepRunning  keep the last world and credrift up until Ctrl-C
     * @param ci           a CI run ({@code CI=true}): a world that cannot start here fails instead of being skipped
     */
    public record Options(
            PrintWriter out, Optional<Path> outDirectory, boolean keepRunning, WorldObserver observer, boolean ci) {

        /** Not on CI. */
        public Options(PrintWriter out, Optional<Path> outDirectory, boolean keepRunning, WorldObserver observer) {
            this(out, outDirectory, keepRunning, observer, false);
        }
    }

    private static final Duration FIRST_ASSESSMENT_BOUND = Duration.ofSeconds(30);
    private static final Duration DRAIN_BOUND = Duration.ofSeconds(10);

    private final Options options;
    private final PrintWriter out;
    private final Clock clock = Clock.systemUTC();
    // one audit key for the run (never printed): --out's audit.jsonl holds every world's chains
    private final byte[] auditKey = SandboxKeys.fingerprintKey();

    public SandboxRunner(Options options) {
        this.options = options;
        this.out = options.out();
    }

    /** What one world left behind: its report, and — for {@code --keep-running} — what is still up. */
    private record Story(String name, boolean passed, String verdict, Kept kept, boolean skipped) {
        Story(String name, boolean passed, String verdict, Kept kept) {
            this(name, passed, verdict, kept, false);
        }
    }

    private record Kept(World world, CredriftInWorld credrift, OutcomeTap tap) implements AutoCloseable {
        @Override
        public void close() {
            tap.close();
            credrift.close();
            world.close();
        }
    }

    /** @return 0 when every world reached its expected end state, 1 otherwise */
    public int run(List<WorldSpec> worlds) {
        Instant begun = clock.instant();
        println("credrift sandbox: " + worlds.size() + " world(s): "
                + worlds.stream().map(WorldSpec::name).collect(Collectors.joining(", ")));
        List<WorldGate> gates = worlds.stream()
                .map(world -> WorldGate.decide(WorldStore.unavailableReason(world.store()), options.ci()))
                .toList();
        if (gates.stream().noneMatch(WorldGate.Run.class::isInstance)) {
            // no world can start here: no broker either, just why
            List<Story> stories = new ArrayList<>();
            for (int i = 0; i < worlds.size(); i++) {
                announce(worlds.get(i));
                stories.add(gated(worlds.get(i), gates.get(i)).orElseThrow());
            }
            return summarize(stories, begun) ? 0 : 1;
        }
        List<Story> stories = new ArrayList<>();
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
        Vertx vertx = Vertx.vertx();
        JsonLinesOutput output = options.outDirectory()
                .map(dir -> new JsonLinesOutput(dir, auditKey))
                .orElse(null);
        Kept kept = null;
        try {
            println("Kafka: embedded broker at " + broker.bootstrapServers() + " (up in " + since(begun) + ")");
            for (int i = 0; i < worlds.size(); i++) {
                boolean keepUp = options.keepRunning() && i == worlds.size() - 1;
                Story story = runOne(worlds.get(i), gates.get(i), broker, vertx, output, keepUp);
                stories.add(story);
                kept = story.kept();
            }
            boolean passed = summarize(stories, begun);
            boolean staysUp = kept != null;
            options.outDirectory()
                    .ifPresent(dir -> println((staysUp ? "appending to " : "wrote ")
                            + dir.resolve(JsonLinesOutput.OUTCOMES) + ", " + JsonLinesOutput.AUDIT + " and "
                            + JsonLinesOutput.NOTIFICATIONS + (staysUp ? " as records arrive" : "")
                            + "; verify the audit trail"
                            + " with credrift audit verify --file " + dir.resolve(JsonLinesOutput.AUDIT)
                            + " --audit-key "
                            + dir.resolve(JsonLinesOutput.AUDIT_KEY)));
            if (kept != null) {
                keepRunning(kept, broker);
                kept = null;
            }
            return passed ? 0 : 1;
        } finally {
            if (kept != null) {
                kept.close();
            }
            if (output != null) {
                output.close();
            }
            vertx.close()
                    .toCompletionStage()
                    .toCompletableFuture()
                    .orTimeout(10, TimeUnit.SECONDS)
                    .exceptionally(e -> null)
                    .join();
            broker.close();
        }
    }

    /** Prints each story's verdict and the totals; returns whether every story passed (skipped ones count). */
    private boolean summarize(List<Story> stories, Instant begun) {
        println("");
        for (Story story : stories) {
            println((story.skipped() ? "– " : story.passed() ? "✓ " : "✗ ") + story.verdict());
        }
        boolean passed = stories.stream().allMatch(Story::passed);
        long skipped = stories.stream().filter(Story::skipped).count();
        long ran = stories.size() - skipped;
        println((passed
                        ? "all " + ran + " world(s) reached their expected end state"
                        : stories.stream().filter(s -> !s.passed()).count() + " of " + ran
                                + " world(s) did NOT reach their expected end state")
                + (skipped == 0 ? "" : ", " + skipped + " skipped") + " (" + since(begun) + " in all)");
        return passed;
    }

    private void announce(WorldSpec spec) {
        println("");
        println("▶ " + spec.name());
        if (spec.description() != null && !spec.description().isBlank()) {
            println("  " + spec.description().strip());
        }
    }

    /** The story of a world that cannot start here (skipped, or failed on CI); empty when it can. */
    private Optional<Story> gated(WorldSpec spec, WorldGate gate) {
        if (gate instanceof WorldGate.Skip skip) {
            println("  – SKIPPED: " + skip.reason());
            return Optional.of(
                    new Story(spec.name(), true, "SKIPPED " + spec.name() + ": " + skip.reason(), null, true));
        }
        if (gate instanceof WorldGate.Fail fail) {
            println("  ✗ " + fail.reason());
            return Optional.of(new Story(spec.name(), false, "FAILED " + spec.name() + ": " + fail.reason(), null));
        }
        return Optional.empty();
    }

    private Story runOne(
            WorldSpec spec,
            WorldGate gate,
            EmbeddedKafkaBroker broker,
            Vertx vertx,
            JsonLinesOutput output,
            boolean keepUp) {
        announce(spec);
        Optional<Story> cannotStart = gated(spec, gate);
        if (cannotStart.isPresent()) {
            return cannotStart.get();
        }
        byte[] fingerprintKey = SandboxKeys.fingerprintKey();
        World world;
        Instant begun = clock.instant();
        try {
            world = World.start(spec, WorldOptions.defaults().withKafka(broker).withFingerprintKey(fingerprintKey));
        } catch (WorldException | IllegalArgumentException e) {
            println("  ✗ the world did not start: " + e.getMessage());
            return new Story(spec.name(), false, spec.name() + ": the world did not start", null);
        }
        CredriftInWorld credrift = null;
        OutcomeTap tap = null;
        boolean handedOver = false;
        try {
            options.observer().worldStarted(world);
            println("  world up in " + since(begun)
                    + (world.settled() ? "" : " (NOT settled: some emulator did not finish)")
                    + ": Kubernetes API " + world.kubernetesUrl() + ", S3 " + world.storeEndpoint()
                    + ", 1Password Connect " + world.onePasswordUrl());
            Instant credriftBegun = clock.instant();
            String prefix = topicPrefix(spec.name());
            try {
                credrift = CredriftInWorld.start(
                        vertx,
                        world,
                        BootstrapServers.parse(broker.bootstrapServers()),
                        prefix,
                        fingerprintKey,
                        auditKey);
            } catch (IllegalStateException e) {
                println("  ✗ " + e.getMessage());
                return new Story(spec.name(), false, spec.name() + ": credrift did not start", null);
            }
            println("  credrift up in " + since(credriftBegun) + ": "
                    + credrift.roles().stream().map(Role::label).collect(Collectors.joining(", "))
                    + " (topics " + prefix + ".*)");

            TimelinePrinter printer = new TimelinePrinter(out, clock);
            HopReader hops = new HopReader(world);
            StoryTracker tracker = new StoryTracker(world, printer, hops);
            OutcomeTap.Listener listener = tracker;
            if (output != null) {
                listener = output.recording(spec.name(), tracker);
                world.webhookSink().ifPresent(sink -> output.follow(spec.name(), sink));
            }
            tap = new OutcomeTap(broker.bootstrapServers(), credrift.outcomesTopic(), credrift.auditTopic(), listener);
            tap.start();
            awaitFirstAssessment(world, tracker);
            Map<String, HopRow> atStart = hops.readAll("at start");
            println("  timeline (seconds from its start; negative: before it):");
            printer.startTimeline(clock.instant());
            WorldReport report = new WorldRunner().run(world, printer);
            Map<String, HopRow> atEnd = hops.readAll("at end");
            if (!keepUp) {
                credrift.close();
                tap.finish(DRAIN_BOUND);
            }
            StoryEnding.printChains(this::println, printer, tracker, atStart, atEnd, report);
            String verdict = StoryEnding.verdict(spec, report);
            println("  " + (report.passed() ? "✓ " : "✗ ") + verdict);
            options.observer().worldFinished(world, report);
            if (keepUp) {
                handedOver = true;
                return new Story(spec.name(), report.passed(), verdict, new Kept(world, credrift, tap));
            }
            return new Story(spec.name(), report.passed(), verdict, null);
        } finally {
            if (!handedOver) {
                if (tap != null) {
                    tap.close();
                }
                if (credrift != null) {
                    credrift.close();
                }
                world.close();
            }
        }
    }

    /**
     * The story's actions only make sense once credrift has looked at every binding once: its status carries a drift
     * class or an InSync condition, or an outcome about it arrived.
     */
    private void awaitFirstAssessment(World world, StoryTracker tracker) {
        Instant deadline = clock.instant().plus(FIRST_ASSESSMENT_BOUND);
        while (clock.instant().isBefore(deadline)) {
            List<CredentialBinding> bindings = world.kubernetesClient()
                    .resources(CredentialBinding.class)
                    .inAnyNamespace()
                    .list()
                    .getItems();
            if (bindings.stream().allMatch(binding -> assessed(binding, tracker))) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        println("  (credrift did not assess every binding within " + FIRST_ASSESSMENT_BOUND.toSeconds()
                + " s; starting the timeline anyway)");
    }

    private static boolean assessed(CredentialBinding binding, StoryTracker tracker) {
        CredentialBindingStatus status = binding.getStatus();
        boolean inStatus = status != null
                && (status.driftClass() != null
                        || status.condition(ConditionType.IN_SYNC).isPresent());
        return inStatus
                || tracker.binding(binding.bindingId())
                        .map(story -> story.lastClass != null)
                        .orElse(false);
    }

    private void keepRunning(Kept kept, EmbeddedKafkaBroker broker) {
        println("");
        println("keeping " + kept.world().spec().name() + " up with credrift running; Ctrl-C stops everything.");
        println("  Kubernetes API     " + kept.world().kubernetesUrl()
                + "   (fabric8 mock; kubectl uses the front below)");
        println("  Kafka bootstrap    " + broker.bootstrapServers() + "   (topics "
                + kept.credrift().topicPrefix() + ".*)");
        kept.world()
                .webhookSink()
                .ifPresent(sink -> println("  webhook sink       " + sink.baseUri() + "   (credrift posts to "
                        + CredriftInWorld.WEBHOOK_PATH + " and " + CredriftInWorld.SLACK_PATH + ")"));
        println("  1Password Connect  " + kept.world().onePasswordUrl());
        println("  S3 store           " + kept.world().storeEndpoint());
        ExploreFiles files = ExploreFiles.write(kept.world());
        ExploreHints.lines(
                        kept.world().kubernetes().kubectlUrl(),
                        files,
                        broker.bootstrapServers(),
                        kept.credrift().topicPrefix(),
                        kept.world().onePasswordUrl())
                .forEach(this::println);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            kept.close();
                            files.delete();
                            stopped.countDown();
                            LogManager.shutdown();
                        },
                        "credrift-sandbox-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code credrift.<world name>}, with anything Kafka would refuse replaced. */
    static String topicPrefix(String worldName) {
        String cleaned = worldName.replaceAll("[^A-Za-z0-9._-]", "-");
        if (cleaned.length() > 100) {
            cleaned = cleaned.substring(0, 100);
        }
        return "credrift." + cleaned;
    }

    private String since(Instant begun) {
        return String.format(
                Locale.ROOT, "%.1f s", Duration.between(begun, clock.instant()).toMillis() / 1000.0);
    }

    private void println(String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}
