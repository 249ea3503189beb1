package dev.credrift.reconciler.it;

import static dev.credrift.reconciler.it.MovingWorldSpec.BUCKET;
import static dev.credrift.reconciler.it.MovingWorldSpec.NS;
import static dev.credrift.reconciler.it.MovingWorldSpec.ROOK_NS;
import static dev.credrift.reconciler.it.MovingWorldSpec.VAULT;
import static org.awaitility.Awaitility.await;

import dev.credrift.api.CredentialBinding;
import dev.credrift.events.BindingId;
import dev.credrift.events.Topic;
import dev.credrift.events.credential.Credential;
import dev.credrift.events.payload.StepKind;
import dev.credrift.reconciler.Reconciler;
import dev.credrift.reconciler.ReconcilerConfig;
import dev.credrift.reconciler.ReconcilerStats;
import dev.credrift.reconciler.StepHook;
import dev.credrift.reconciler.journal.JournalEntry;
import dev.credrift.reconciler.journal.JournalLoader;
import dev.credrift.reconciler.kafka.TopicReader;
import dev.credrift.reconciler.resilience.RetryPolicy;
import dev.credrift.sandbox.emulate.EmulatedKinds;
import dev.credrift.sandbox.kafka.KafkaBroker;
import dev.credrift.sandbox.world.World;
import dev.credrift.sandbox.world.WorldOptions;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One {@link History} played against the real reconciler: the sandbox world of {@link MovingWorldSpec} (store,
 * 1Password Connect, Rook, ESO and workload emulators), the reconciler on its own topics, a stand-in for the watcher
 * (informers that nudge every binding on any change of its Secrets, pods, ExternalSecrets and Deployments, and a
 * nudge after each vault edit, as the watcher's item polling would), and the moves, played at their times or at
 * the step boundaries they are anchored to. Records every write as the store judged it then ({@link WriteRecords}).
 */
final class MovingWorld implements AutoCloseable {

    final History history;
    final World world;
    final ReconcilerBus bus;
    final WriteRecords writes;
    /** Every credential the history made (store keys, hand-typed secrets): none may appear in any output. */
    final List<Credential> planted = new CopyOnWriteArrayList<>();
    /** Per store user, how many new authority credentials the history gave it. */
    final Map<String, Integer> newAuthorities = new ConcurrentHashMap<>();
    /** Per binding, how often a human typed another secret into its item (its consumers may have to move back). */
    final Map<Integer, Integer> handEdits = new ConcurrentHashMap<>();

    final List<String> played = new CopyOnWriteArrayList<>();
    private final Vertx vertx = Vertx.vertx();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Path tokenFile;
    private final ExecutorService mover = Executors.newSingleThreadExecutor(r -> new Thread(r, "soak-mover"));
    private final List<History.Timed> anchored = new CopyOnWriteArrayList<>();
    private final WatcherStandIn watcher;
    private final SplittableRandom random;
    private volatile Reconciler reconciler;
    private volatile Instant startedAt;

    private MovingWorld(History history, KafkaBroker kafka) throws Exception {
        this.history = history;
        this.random = new SplittableRandom(history.seed() ^ 0x5eed);
        this.world = World.start(MovingWorldSpec.of(history), WorldOptions.worldOnly());
        this.bus = new ReconcilerBus(kafka);
        this.writes = new WriteRecords(world.store(), BUCKET, ItWorld.FINGERPRINTER);
        this.tokenFile = Files.createTempFile("soak-connect-token", ".txt");
        Files.writeString(tokenFile, world.onePasswordToken().reveal());
        history.users().forEach(u -> planted.addAll(world.store().keys(u)));
        this.watcher = new WatcherStandIn(this);
        world.onePassword().onApiWrite(watcher::vaultWritten);
    }

    static MovingWorld start(History history, KafkaBroker kafka) throws Exception {
        MovingWorld moving = new MovingWorld(history, kafka);
        try {
            moving.reconciler = moving.deploy();
            moving.nudgeAll();
            return moving;
        } catch (Exception | Error e) {
            moving.close();
            throw e;
        }
    }

    List<BindingId> bindings() {
        List<BindingId> ids = new ArrayList<>();
        for (int i = 0; i < history.bindings().size(); i++) {
            ids.add(BindingId.of(NS, MovingWorldSpec.binding(i)));
        }
        return ids;
    }

    KubernetesClient client() {
        return world.kubernetesClient();
    }

    Reconciler reconciler() {
        return reconciler;
    }

    // ---- playing the history ----

    /** An anchored move that met no step boundary within this long is played anyway. */
    static final Duration ANCHOR_PATIENCE = Duration.ofSeconds(3);
    // shorter than the soak's calm (5 s): the journal does not hold this timer, so rest must outlast one re-check
    static final Duration STORE_RECHECK = Duration.ofSeconds(3);

    /** How late a fired retry or deferral timer may be before a due time in the past no longer counts as pending. */
    static final Duration TIMER_SLACK = Duration.ofSeconds(10);

    /** Plays every move: timed ones at their offsets, anchored ones at their step (or {@link #ANCHOR_PATIENCE} on). */
    void play() throws Exception {
        startedAt = Instant.now();
        history.moves().stream().filter(m -> m.anchor().isPresent()).forEach(anchored::add);
        List<History.Timed> byDue = new ArrayList<>(history.moves());
        byDue.sort(Comparator.comparing(MovingWorld::due));
        for (History.Timed timed : byDue) {
            Duration offset = due(timed);
            Instant due = startedAt.plus(offset);
            await().atMost(offset.plusSeconds(60))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> !Instant.now().isBefore(due));
            if (timed.anchor().isEmpty()) {
                mover.submit(() -> apply(timed, "at its time")).get(120, TimeUnit.SECONDS);
            } else if (anchored.remove(timed)) {
                mover.submit(() -> apply(timed, "its step did not come")).get(120, TimeUnit.SECONDS);
            }
        }
    }

    private static Duration due(History.Timed timed) {
        return timed.anchor().isPresent() ? timed.at().plus(ANCHOR_PATIENCE) : timed.at();
    }

    private Void apply(History.Timed timed, String when) {
        long offset = startedAt == null
                ? 0
                : Duration.between(startedAt, Instant.now()).toMillis();
        played.add("+" + offset + "ms " + timed.move() + " (" + when + ")");
        History.Move move = timed.move();
        KubernetesClient client = client();
        if (move instanceof History.Rotate r) {
            rotate(r.user());
        } else if (move instanceof History.Burst) {
            history.users().forEach(this::rotate);
        } else if (move instanceof History.Suspend s) {
            writes.storeChanging(s.user());
            world.store().suspend(s.user());
        } else if (move instanceof History.Reinstate r) {
            writes.storeChanging(r.user());
            world.store().resume(r.user());
        } else if (move instanceof History.EditVault e) {
            String typed = "hand-typed-" + HexFormat.of().toHexDigits(random.nextLong());
            planted.add(Credential.of("AKIAHANDTYPED0000000", typed));
            world.onePassword().editField(VAULT, MovingWorldSpec.item(e.binding()), "secret_key", typed);
            handEdits.merge(e.binding(), 1, Integer::sum);
            nudgeAll();
        } else if (move instanceof History.RefreshInterval r) {
            client.genericKubernetesResources(EmulatedKinds.EXTERNAL_SECRET)
                    .inNamespace(NS)
                    .withName(MovingWorldSpec.replica(r.binding()))
                    .patch(
                            PatchContext.of(PatchType.JSON_MERGE),
                            "{\"spec\":{\"refreshInterval\":\"" + r.interval() + "\"}}");
        } else if (move instanceof History.Pause p) {
            client.apps()
                    .deployments()
                    .inNamespace(NS)
                    .withName(p.deployment())
                    .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"paused\":" + p.paused() + "}}");
        } else if (move instanceof History.DeletePod d) {
            client.pods().inNamespace(NS).withLabel("app", d.workload()).list().getItems().stream()
                    .findFirst()
                    .ifPresent(pod -> client.pods().resource(pod).delete());
        } else if (move instanceof History.Crash c) {
            crash(c.down());
        }
        return null;
    }

    private void rotate(String user) {
        writes.storeChanging(user);
        planted.add(world.rook().rotate(ROOK_NS, "storage", user));
        newAuthorities.merge(user, 1, Integer::sum);
    }

    private void crash(Duration down) {
        Reconciler dying = reconciler;
        ItWorld.join(dying.stop().toCompletionStage().toCompletableFuture());
        Instant back = Instant.now().plus(down);
        await().atMost(down.plusSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> !Instant.now().isBefore(back));
        reconciler = deploy();
        nudgeAll();
    }

    /** At step boundaries: a move anchored to this step (and due) runs here, with the remediation held until done. */
    private Future<Void> atStep(StepHook.Point point, BindingId binding, int index, StepKind kind) {
        if (point != StepHook.Point.AFTER_ACTION || startedAt == null) {
            return Future.succeededFuture();
        }
        Duration elapsed = Duration.between(startedAt, Instant.now());
        Optional<History.Timed> due = anchored.stream()
                .filter(m -> m.anchor().orElseThrow() == kind && m.at().compareTo(elapsed) <= 0)
                .findFirst();
        if (due.isEmpty() || !anchored.remove(due.get())) {
            return Future.succeededFuture();
        }
        Context context = Objects.requireNonNull(Vertx.currentContext(), "a step hook runs on the reconciler");
        Promise<Void> held = Promise.promise();
        mover.submit(() -> {
            try {
                apply(due.get(), "after " + kind + " of " + binding);
            } finally {
                context.runOnContext(v -> held.tryComplete());
            }
            return null;
        });
        return held.future();
    }

    private Reconciler deploy() {
        ReconcilerConfig base = ItWorld.config(world.onePasswordUrl(), tokenFile, bus);
        ReconcilerConfig config = base.withLimits(history.limits())
                .withRetry(new RetryPolicy(Duration.ofSeconds(2), 2.0, Duration.ofSeconds(10), 0.1, 6))
                .withConsumers(new ReconcilerConfig.Consumers(
                        ReconcilerConfig.Consumers.defaults().notReadyGrace(), false, Duration.ofSeconds(2)))
                .withProbing(base.probing().withStoreRecheck(STORE_RECHECK))
                .withStepHook(this::atStep);
        return ItWorld.join(
                Reconciler.deploy(vertx, config, world.kubernetes().newClient(), bus.kafka.bootstrapServers(), registry)
                        .toCompletionStage()
                        .toCompletableFuture());
    }

    /**
     * Waits until the reconciler is idle and nothing it reports or the pods show changes for {@code calm}; false if
     * that did not happen within {@code max} (the world never came to rest).
     */
    boolean awaitQuiet(Duration calm, Duration max) {
        AtomicReference<String> last = new AtomicReference<>("");
        AtomicReference<Instant> since = new AtomicReference<>(Instant.now());
        try {
            await().atMost(max).pollInterval(Duration.ofMillis(500)).until(() -> {
                String now = restless();
                if (!now.equals(last.get())) {
                    last.set(now);
                    since.set(Instant.now());
                    return false;
                }
                if (!now.startsWith("idle")
                        || Duration.between(since.get(), Instant.now()).compareTo(calm) < 0) {
                    return false;
                }
                // a retry or deferral the journal schedules soon is not rest yet
                Instant soon = Instant.now().plus(max);
                boolean pending = journal().values().stream().anyMatch(e -> due(e, soon));
                // the journal read takes a while: a timer may have started a handling since the idle look above
                // (seed 4862423182473891907: the checker judged 68 ms after a deferral's timer resumed a remediation)
                pending |= !restless().startsWith("idle");
                if (pending) {
                    since.set(Instant.now());
                }
                return !pending;
            });
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    /** The reconcilers' journal as it is on the state topic now. */
    Map<BindingId, JournalEntry> journal() {
        return new JournalLoader(new TopicReader(
                        Map.of("bootstrap.servers", bus.kafka.bootstrapServers()), Duration.ofSeconds(20)))
                .load(bus.topics.name(Topic.STATE));
    }

    /**
     * Whether the entry has a retry or a deferral scheduled between now and {@code until}, or one that came due in the
     * last {@link #TIMER_SLACK}: its timer fires a little after the journal's time, and until it has, the reconciler
     * looks idle although it is about to resume.
     */
    static boolean due(JournalEntry entry, Instant until) {
        Instant now = Instant.now().minus(TIMER_SLACK);
        List<Instant> scheduled = new ArrayList<>();
        if (entry.retry() != null && entry.retry().notBefore() != null) {
            scheduled.add(entry.retry().notBefore());
        }
        if (entry.remediation() != null && entry.remediation().deferredUntil() != null) {
            scheduled.add(entry.remediation().deferredUntil());
        }
        return scheduled.stream().anyMatch(at -> at.isAfter(now) && at.isBefore(until));
    }

    /** What would show the world still moving: the reconciler's work, the bindings' conditions, the pods. */
    private String restless() {
        StringBuilder state = new StringBuilder();
        ReconcilerStats stats = reconciler.stats();
        state.append(stats.recordsInFlight() == 0 && stats.bindingsBusy() == 0 ? "idle" : "busy " + stats);
        for (BindingId id : bindings()) {
            CredentialBinding binding = client().resources(CredentialBinding.class)
                    .inNamespace(NS)
                    .withName(id.name())
                    .get();
            if (binding != null && binding.getStatus() != null) {
                binding.getStatus()
                        .conditions()
                        .forEach(c -> state.append(' ')
                                .append(c.type())
                                .append('=')
                                .append(c.status())
                                .append('/')
                                .append(c.reason()));
                state.append(' ').append(binding.getStatus().fingerprints());
            }
        }
        world.workloads()
                .pods()
                .forEach(p -> state.append(' ')
                        .append(p.name())
                        .append(p.ready() ? "+" : "-")
                        .append(p.credential()
                                .map(ItWorld.FINGERPRINTER::fingerprint)
                                .orElse(null)));
        return state.toString();
    }

    // ---- the watcher's stand-in and the recorders ----

    void nudgeAll() {
        bindings().forEach(bus::nudge);
    }

    // ---- reading the world ----

    /** The key in a Secret's two fields, if both are there. */
    Optional<Credential> secretKey(String namespace, String name, String idKey, String secretKey) {
        Secret secret = client().secrets().inNamespace(namespace).withName(name).get();
        if (secret == null
                || secret.getData() == null
                || secret.getData().get(idKey) == null
                || secret.getData().get(secretKey) == null) {
            return Optional.empty();
        }
        return Optional.of(Credential.of(
                decode(secret.getData().get(idKey)), decode(secret.getData().get(secretKey))));
    }

    Optional<Credential> authority(int binding) {
        return secretKey(ROOK_NS, MovingWorldSpec.rookSecret(history.userOf(binding)), "AccessKey", "SecretKey");
    }

    Optional<Credential> replicaKey(int binding) {
        return secretKey(NS, MovingWorldSpec.replica(binding), "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws Exception {
        Reconciler last = reconciler;
        if (last != null) {
            try {
                ItWorld.join(last.stop().toCompletionStage().toCompletableFuture());
            } catch (RuntimeException e) {
                // already stopped
            }
        }
        watcher.close();
        mover.shutdownNow();
        bus.close();
        ItWorld.join(vertx.close().toCompletionStage().toCompletableFuture());
        world.close();
        Files.deleteIfExists(tokenFile);
    }
}
