package dev.credrift.app.sandbox.bench;

import static org.awaitility.Awaitility.await;

import dev.credrift.api.CredentialBinding;
import dev.credrift.api.status.ConditionType;
import dev.credrift.api.status.CredentialBindingStatus;
import dev.credrift.app.kafka.BootstrapServers;
import dev.credrift.app.sandbox.CredriftInWorld;
import dev.credrift.app.sandbox.OutcomeTap;
import dev.credrift.sandbox.kafka.EmbeddedKafkaBroker;
import dev.credrift.sandbox.kafka.KafkaBroker;
import dev.credrift.sandbox.kube.RequestCounts;
import dev.credrift.sandbox.world.ActionRecord;
import dev.credrift.sandbox.world.Timeline;
import dev.credrift.sandbox.world.World;
import dev.credrift.sandbox.world.WorldOptions;
import dev.credrift.sandbox.world.spec.WorldSpec;
import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The scale benchmark (issue 13): worlds of N bindings in one namespace, all rotated at once, against the real
 * watcher, reconciler and notifier on an embedded broker; prints per world when drift was detected and healed, the
 * API requests credrift made, its CPU, the heap and thread starts, as a Markdown table, and plots detection and heal
 * time against N. Not a test: {@code ./mvnw -B -o -q -pl sandbox-app -am process-test-classes -Pscale-benchmark}
 * (README "Scale benchmark (issue 13)"). Options: {@code -Dcredrift.bench.n=10,100} (the N sweep), {@code
 * -Dcredrift.bench.unrelated=0,1500} (pod counts beside {@code -Dcredrift.bench.unrelatedN=20} bindings; {@code none}
 * to skip), {@code -Dcredrift.bench.plot=docs/scale-benchmark.png}.
 */
public final class ScaleBenchmark {

    private static final Duration ASSESSMENT_BOUND = Duration.ofSeconds(120);
    private static final Duration QUIET_WINDOW = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final long MB = 1024 * 1024;

    private final KafkaBroker broker;
    private final Vertx vertx;
    private final PrintStream out;
    private final Clock clock = Clock.systemUTC();
    private final SecureRandom random = new SecureRandom();
    private final byte[] auditKey = new byte[32];

    ScaleBenchmark(KafkaBroker broker, Vertx vertx, PrintStream out) {
        this.broker = broker;
        this.vertx = vertx;
        this.out = out;
        random.nextBytes(auditKey);
    }

    /** A world to run: {@code bindings} rotated at once, beside {@code unrelatedPods}. */
    record Scenario(int bindings, int unrelatedPods) {}

    public static void main(String[] args) {
        List<Scenario> scenarios = scenarios(
                System.getProperty("credrift.bench.n", "10,100,300,1000"),
                System.getProperty("credrift.bench.unrelated", "0,1500"),
                Integer.parseInt(System.getProperty("credrift.bench.unrelatedN", "20")));
        Path plot = Path.of(System.getProperty("credrift.bench.plot", "target/scale-benchmark.png"));
        String machine = Runtime.getRuntime().availableProcessors() + " CPUs, JVM "
                + Runtime.version().feature() + ", max heap "
                + Runtime.getRuntime().maxMemory() / MB + " MB";
        Instant begun = Instant.now();
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
        Vertx vertx = Vertx.vertx();
        List<ScenarioResult> results = new ArrayList<>();
        try {
            ScaleBenchmark bench = new ScaleBenchmark(broker, vertx, System.out);
            for (Scenario scenario : scenarios) {
                results.add(bench.run(scenario));
                // after every world, so that an interrupted run still leaves what it measured
                System.out.println();
                System.out.println("Scale benchmark: rotation -> drift classified / back in sync; global rollouts "
                        + BenchWorld.ROLLOUTS_PER_HOUR + "/h, vault writes " + BenchWorld.VAULT_WRITES_PER_MINUTE
                        + "/min, per binding maxPerHour 3; " + machine + "; "
                        + Duration.between(begun, Instant.now()).toSeconds() + " s so far");
                System.out.println(BenchTable.render(results));
                if (results.stream().anyMatch(r -> r.unrelatedPods() == 0)) {
                    System.out.println(
                            "plot: " + BenchPlot.write(results, plot, machine).toAbsolutePath());
                }
            }
        } finally {
            close(vertx);
            broker.close();
        }
    }

    /** Closes Vert.x, waiting at most 10 s; a failure to close is not the benchmark's. */
    static void close(Vertx vertx) {
        vertx.close()
                .toCompletionStage()
                .toCompletableFuture()
                .orTimeout(10, TimeUnit.SECONDS)
                .exceptionally(e -> null)
                .join();
    }

    /**
     * N = {@code unrelatedN} beside each pod count first (small worlds, none: {@code "none"}), then the N sweep in the
     * order given.
     */
    static List<Scenario> scenarios(String sweep, String unrelated, int unrelatedN) {
        List<Scenario> scenarios = new ArrayList<>();
        if (!unrelated.strip().equals("none")) {
            for (String pods : unrelated.split(",")) {
                if (!pods.isBlank()) {
                    scenarios.add(new Scenario(unrelatedN, Integer.parseInt(pods.strip())));
                }
            }
        }
        for (String n : sweep.split(",")) {
            if (!n.isBlank()) {
                scenarios.add(new Scenario(Integer.parseInt(n.strip()), 0));
            }
        }
        return scenarios;
    }

    /** Starts the scenario's world and credrift, rotates every binding's user at once, and measures. */
    ScenarioResult run(Scenario scenario) {
        int n = scenario.bindings();
        WorldSpec spec = BenchWorld.spec(n, scenario.unrelatedPods());
        byte[] fingerprintKey = new byte[32];
        random.nextBytes(fingerprintKey);
        Instant begun = clock.instant();
        out.println("▶ " + spec.name());
        try (World world =
                World.start(spec, WorldOptions.defaults().withKafka(broker).withFingerprintKey(fingerprintKey))) {
            out.println("  world up in " + since(begun) + (world.settled() ? "" : " (NOT settled)"));
            double worldHeap = ProcessMeter.heapAfterGc() / (double) MB;
            Set<Long> worldThreads = ProcessMeter.threadCpu().keySet();
            BindingTimes times = new BindingTimes();
            Instant credriftBegun = clock.instant();
            try (CredriftInWorld credrift = CredriftInWorld.start(
                            vertx,
                            world,
                            BootstrapServers.parse(broker.bootstrapServers()),
                            "credrift.bench-" + spec.name(),
                            fingerprintKey,
                            auditKey);
                    OutcomeTap tap = new OutcomeTap(
                            broker.bootstrapServers(), credrift.outcomesTopic(), credrift.auditTopic(), times)) {
                tap.start();
                awaitUntil(clock.instant().plus(ASSESSMENT_BOUND), () -> assessed(world) >= n);
                out.println("  credrift up and " + assessed(world) + "/" + n + " bindings assessed in "
                        + since(credriftBegun));
                return measure(world, spec, scenario.unrelatedPods(), times, worldThreads, worldHeap, credrift);
            }
        }
    }

    private ScenarioResult measure(
            World world,
            WorldSpec spec,
            int unrelatedPods,
            BindingTimes times,
            Set<Long> worldThreads,
            double worldHeap,
            CredriftInWorld credrift) {
        int n = spec.timeline().size();
        RequestCounts requests = world.kubernetes().requests();
        Map<RequestCounts.Verb, Long> requestsBefore = requests.snapshot(CredriftInWorld.USER_AGENT);
        Map<Long, Long> cpuBefore = ProcessMeter.threadCpu();
        Map<Long, Long> standInBefore = world.kubernetes().requestCpuNanosByThread();
        long processBefore = ProcessMeter.processCpuNanos();
        long startedBefore = ProcessMeter.threadsStarted();
        long observationsBefore = TopicEnd.of(broker.bootstrapServers(), credrift.observationsTopic());
        Instant start = clock.instant();
        times.arm();
        List<ActionRecord> rotations = Timeline.of(spec).run(world, new Timeline.Listener() {});
        out.println("  rotated " + n + " users in " + since(start));
        awaitUntil(start.plus(Duration.ofSeconds(60 + n * 3L / 10)), () -> times.settled(n));
        Instant end = clock.instant();
        Map<RequestCounts.Verb, Long> requestsAfter = requests.snapshot(CredriftInWorld.USER_AGENT);
        Map<String, Long> resourcesAfter = requests.byResource(CredriftInWorld.USER_AGENT);
        long processCpu = ProcessMeter.processCpuNanos() - processBefore;
        long worldCpu = ProcessMeter.cpuOf(worldThreads, cpuBefore, ProcessMeter.threadCpu());
        long standInElsewhere = standInCpuOutside(
                worldThreads, standInBefore, world.kubernetes().requestCpuNanosByThread());
        long threadStarts = ProcessMeter.threadsStarted() - startedBefore;
        long observations = TopicEnd.of(broker.bootstrapServers(), credrift.observationsTopic()) - observationsBefore;
        out.println("  settled after " + since(start) + (times.settled(n) ? "" : " (deadline: NOT settled)"));
        if (times.driftBeforeRotation() > 0) {
            out.println("  judged drifting before the rotation, by first class: " + times.classesBeforeRotation());
            times.detailsBeforeRotation().forEach(d -> out.println("    " + d));
        }
        Instant quietFrom = clock.instant();
        awaitSettledThroughout(QUIET_WINDOW, () -> times.settled(n));
        Map<RequestCounts.Verb, Long> quiet = difference(requestsAfter, requests.snapshot(CredriftInWorld.USER_AGENT));
        Map<String, Long> quietByResource = difference(resourcesAfter, requests.byResource(CredriftInWorld.USER_AGENT));
        double perBindingHour =
                3600_000.0 / n / Duration.between(quietFrom, clock.instant()).toMillis();
        double steady = total(quiet) * perBindingHour;
        double steadyReads = quiet.entrySet().stream()
                        .filter(e -> BenchTable.READS.contains(e.getKey()))
                        .mapToLong(Map.Entry::getValue)
                        .sum()
                * perBindingHour;
        out.println("  credrift's requests in the quiet window: " + quietByResource);

        Map<String, Instant> drifted = times.drifted();
        Map<String, Instant> healed = times.healed();
        List<Long> detection = new ArrayList<>();
        List<Long> heal = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Instant rotated = rotations.get(i).at();
            String id = BenchWorld.bindingId(i);
            if (drifted.containsKey(id)) {
                detection.add(Duration.between(rotated, drifted.get(id)).toMillis());
            }
            if (healed.containsKey(id)) {
                heal.add(Duration.between(rotated, healed.get(id)).toMillis());
            }
        }
        return new ScenarioResult(
                n,
                unrelatedPods,
                Percentiles.of(detection),
                Percentiles.of(heal),
                n - detection.size(),
                times.driftBeforeRotation(),
                difference(requestsBefore, requestsAfter),
                steady,
                steadyReads,
                (processCpu - worldCpu - standInElsewhere) / 1e9,
                processCpu / 1e9,
                ProcessMeter.heapAfterGc() / (double) MB,
                worldHeap,
                threadStarts,
                observations,
                Duration.between(start, end).toMillis() / 1000.0);
    }

    /**
     * Bindings whose status shows credrift has judged them (a drift class or an InSync condition): credrift reports
     * an in-sync first look in status only, not as an outcome event.
     */
    static long assessed(World world) {
        return bindings(world).stream().filter(ScaleBenchmark::judged).count();
    }

    static List<CredentialBinding> bindings(World world) {
        return world.kubernetesClient()
                .resources(CredentialBinding.class)
                .inNamespace(BenchWorld.NAMESPACE)
                .list()
                .getItems();
    }

    /** Whether the binding's status shows credrift's judgement: a drift class or an InSync condition. */
    static boolean judged(CredentialBinding binding) {
        CredentialBindingStatus status = binding.getStatus();
        return status != null
                && (status.driftClass() != null
                        || status.condition(ConditionType.IN_SYNC).isPresent());
    }

    /** The stand-in's request handling on threads the world did not have before credrift started. */
    private static long standInCpuOutside(Set<Long> worldThreads, Map<Long, Long> before, Map<Long, Long> after) {
        long sum = 0;
        for (Map.Entry<Long, Long> entry : after.entrySet()) {
            if (!worldThreads.contains(entry.getKey())) {
                sum += entry.getValue() - before.getOrDefault(entry.getKey(), 0L);
            }
        }
        return sum;
    }

    /** {@code after - before} per key, for the keys whose count grew. */
    static <K extends Comparable<K>> Map<K, Long> difference(Map<K, Long> before, Map<K, Long> after) {
        Map<K, Long> delta = new TreeMap<>();
        after.forEach((key, count) -> {
            long grew = count - before.getOrDefault(key, 0L);
            if (grew > 0) {
                delta.put(key, grew);
            }
        });
        return delta;
    }

    private static long total(Map<RequestCounts.Verb, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    // a deadline passing is not an error here: the caller reports what is not done by then
    private void awaitUntil(Instant deadline, BooleanSupplier done) {
        Duration left = Duration.between(clock.instant(), deadline);
        if (done.getAsBoolean() || left.isNegative() || left.isZero()) {
            return;
        }
        try {
            await().pollInterval(POLL).atMost(left).until(done::getAsBoolean);
        } catch (ConditionTimeoutException deadlinePassed) {
            // reported by the caller
        }
    }

    // the steady-state window: requests are counted while the world stays settled for all of it
    private void awaitSettledThroughout(Duration window, BooleanSupplier settled) {
        try {
            await().pollInterval(POLL)
                    .during(window)
                    .atMost(window.plusSeconds(5))
                    .until(settled::getAsBoolean);
        } catch (ConditionTimeoutException unsettled) {
            out.println("  NOT settled throughout the quiet window");
        }
    }

    private String since(Instant begun) {
        return String.format(
                Locale.ROOT, "%.1f s", Duration.between(begun, clock.instant()).toMillis() / 1000.0);
    }
}
