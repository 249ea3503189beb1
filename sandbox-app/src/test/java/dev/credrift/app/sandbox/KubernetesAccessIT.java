package dev.credrift.app.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.api.CredentialBinding;
import dev.credrift.api.access.ApiRequest;
import dev.credrift.api.access.Caller;
import dev.credrift.api.access.KubeCall;
import dev.credrift.api.access.KubeCalls;
import dev.credrift.api.access.Stage;
import dev.credrift.api.status.ConditionType;
import dev.credrift.app.config.CredriftConfig;
import dev.credrift.app.kafka.BootstrapServers;
import dev.credrift.app.kafka.TopicAdministrator;
import dev.credrift.app.kafka.TopicLayout;
import dev.credrift.app.roles.LazyKubernetesClient;
import dev.credrift.app.roles.Role;
import dev.credrift.app.roles.RoleContext;
import dev.credrift.app.roles.RoleOverrides;
import dev.credrift.app.roles.RoleSet;
import dev.credrift.events.Topics;
import dev.credrift.reconciler.ReconcilerConfig;
import dev.credrift.reconciler.step.StepTimings;
import dev.credrift.sandbox.kafka.KafkaBroker;
import dev.credrift.sandbox.kafka.KafkaBrokerExtension;
import dev.credrift.sandbox.world.BuiltInWorlds;
import dev.credrift.sandbox.world.World;
import dev.credrift.sandbox.world.WorldOptions;
import dev.credrift.sandbox.world.WorldRunner;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that {@link KubeCalls} — the list the Helm chart's RBAC is tested against — matches what the code does: the
 * real watcher and reconciler run through sandbox stories (Rook + ESO + 1Password with rollouts; TLS with a private
 * CA), each role on a Kubernetes client of its own with a User-Agent naming it, with leader election on. Every request
 * the fabric8 mock API server recorded from them must be covered by an entry of that role, or be API discovery; the
 * world's emulators (other User-Agent) are left out. It also pins which entries the stories exercise, so that a
 * recording that silently caught nothing fails too.
 */
@ExtendWith(KafkaBrokerExtension.class)
class KubernetesAccessIT {

    private static final List<String> STORIES =
            List.of("story-1-loki-rook-1password", "story-3-tls-private-ca", "story-4-tempo-irsa");
    private static final Map<Caller, String> AGENTS =
            Map.of(Caller.WATCHER, "credrift-access-it-watcher", Caller.RECONCILER, "credrift-access-it-reconciler");
    private static final Duration FIRST_ASSESSMENT = Duration.ofSeconds(60);

    /**
     * Entries these stories must exercise ({@link KubeCall#toString()}): enough that a broken recording or a renamed
     * path cannot pass unnoticed. Not exercised by these stories: Deployments and DaemonSets (Loki is a StatefulSet),
     * per-name Secret informers (every Secret here is labelled), service-account tokens (web identity, issue 7); the
     * stuck-pod delete is exercised by story 1 but not required here, so this test does not depend on that change.
     */
    private static final List<String> MUST_EXERCISE = List.of(
            "watcher: [list, watch] credrift.dev/credentialbindings (ALL_NAMESPACES, CORE)",
            "watcher: [list, watch] secrets (ALL_NAMESPACES, CORE)",
            "watcher: [list, watch] external-secrets.io/externalsecrets (ALL_NAMESPACES, CORE)",
            "watcher: [list, watch] pods (BINDING_NAMESPACES, CORE)",
            "watcher: [create, get, patch] coordination.k8s.io/leases (OWN_NAMESPACE, LEADER_ELECTION)",
            "reconciler: [get, list, patch, watch] credrift.dev/credentialbindings (BINDING_NAMESPACES, CORE)",
            "reconciler: [patch] credrift.dev/credentialbindings/status (BINDING_NAMESPACES, CORE)",
            "reconciler: [get, list, watch] secrets (BINDING_NAMESPACES, CORE)",
            "reconciler: [get] configmaps (BINDING_NAMESPACES, CORE)",
            "reconciler: [get, list, patch, watch] external-secrets.io/externalsecrets (BINDING_NAMESPACES, CORE)",
            "reconciler: [list, watch] pods (BINDING_NAMESPACES, CORE)",
            "reconciler: [get, list, patch, watch] apps/statefulsets (BINDING_NAMESPACES, CORE)",
            "reconciler: [create] events.k8s.io/events (BINDING_NAMESPACES, CORE)");

    @TempDir
    Path secrets;

    private Vertx vertx;
    private final Map<Caller, List<ApiRequest>> sent = new EnumMap<>(Caller.class);

    @BeforeEach
    void startVertx() {
        vertx = Vertx.vertx();
        AGENTS.keySet().forEach(c -> sent.put(c, new ArrayList<>()));
    }

    @AfterEach
    void stopVertx() {
        vertx.close()
                .toCompletionStage()
                .toCompletableFuture()
                .orTimeout(10, TimeUnit.SECONDS)
                .exceptionally(e -> null)
                .join();
    }

    @Test
    void shouldSendOnlyListedCallsWhenTheRolesReplayTheStories(KafkaBroker broker) throws Exception {
        for (String story : STORIES) {
            replay(story, broker);
        }

        Map<Caller, List<ApiRequest>> unexplained = new EnumMap<>(Caller.class);
        Set<KubeCall> exercised = new LinkedHashSet<>();
        Set<String> discovery = new TreeSet<>();
        sent.forEach((caller, requests) -> {
            for (ApiRequest request : requests) {
                if (KubeCalls.isDiscovery(request)) {
                    discovery.add(request.path());
                    continue;
                }
                Optional<KubeCall> call = KubeCalls.explain(request, Set.of(caller));
                call.ifPresentOrElse(
                        exercised::add,
                        () -> unexplained
                                .computeIfAbsent(caller, c -> new ArrayList<>())
                                .add(request));
            }
        });
        System.out.println(coverage(exercised, discovery));

        assertThat(sent.get(Caller.WATCHER))
                .as("requests recorded from the watcher")
                .hasSizeGreaterThan(10);
        assertThat(sent.get(Caller.RECONCILER))
                .as("requests recorded from the reconciler")
                .hasSizeGreaterThan(10);
        assertThat(unexplained)
                .as("requests no entry of dev.credrift.api.access.KubeCalls covers")
                .isEmpty();
        assertThat(exercised).extracting(KubeCall::toString).containsAll(MUST_EXERCISE);
        assertThat(exercised).noneMatch(c -> c.stage() == Stage.PENDING);
    }

    private void replay(String story, KafkaBroker broker) throws Exception {
        byte[] fingerprintKey = SandboxKeys.fingerprintKey();
        try (World world = World.start(
                BuiltInWorlds.load(story),
                WorldOptions.defaults().withKafka(broker).withFingerprintKey(fingerprintKey))) {
            drain(world); // the world's own set-up
            String prefix = "access-it." + story;
            Topics topics = Topics.withPrefix(prefix);
            BootstrapServers bootstrap = BootstrapServers.parse(broker.bootstrapServers());
            try (TopicAdministrator admin = new TopicAdministrator(bootstrap, Duration.ofSeconds(15))) {
                admin.ensureTopics(new TopicLayout(topics, 1, (short) 1).specs());
            }
            CredriftConfig config = config(world, fingerprintKey);
            Map<Caller, LazyKubernetesClient> clients = new LinkedHashMap<>();
            AGENTS.forEach((caller, agent) -> clients.put(
                    caller,
                    new LazyKubernetesClient(() -> world.kubernetes()
                            .newClient(builder -> builder.editOrNewConfig()
                                    .withUserAgent(agent)
                                    .endConfig()))));
            List<RoleSet> roles = new ArrayList<>();
            try {
                roles.add(start(config, topics, prefix, bootstrap, clients.get(Caller.WATCHER), Role.WATCHER));
                roles.add(start(config, topics, prefix, bootstrap, clients.get(Caller.RECONCILER), Role.RECONCILER));
                awaitFirstAssessment(world);
                TimelinePrinter printer = new TimelinePrinter(new PrintWriter(Writer.nullWriter()), Clock.systemUTC());
                printer.startTimeline(Clock.systemUTC().instant());
                new WorldRunner().run(world, printer);
            } finally {
                for (RoleSet set : roles) {
                    set.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
                }
                clients.values().forEach(LazyKubernetesClient::close);
            }
            drain(world);
        }
    }

    private RoleSet start(
            CredriftConfig config,
            Topics topics,
            String prefix,
            BootstrapServers bootstrap,
            LazyKubernetesClient client,
            Role role)
            throws Exception {
        RoleContext context = new RoleContext(
                vertx,
                config,
                topics,
                prefix,
                bootstrap,
                Map.of(),
                new SimpleMeterRegistry(),
                name -> null,
                client,
                overrides());
        return RoleSet.start(context, Set.of(role))
                .toCompletionStage()
                .toCompletableFuture()
                .get(90, TimeUnit.SECONDS);
    }

    /** Moves what the mock server recorded into {@link #sent}, by the User-Agent of the client that sent it. */
    private void drain(World world) throws InterruptedException {
        RecordedRequest request;
        while ((request = world.kubernetes().server().takeRequest(50, TimeUnit.MILLISECONDS)) != null) {
            String agent = request.getHeader("User-Agent");
            for (Map.Entry<Caller, String> entry : AGENTS.entrySet()) {
                if (entry.getValue().equals(agent)) {
                    sent.get(entry.getKey()).add(ApiRequest.parse(request.getMethod(), request.getPath()));
                }
            }
        }
    }

    /** Each binding carries a drift class or an InSync condition: credrift has looked at it once. */
    private static void awaitFirstAssessment(World world) {
        Awaitility.await()
                .atMost(FIRST_ASSESSMENT)
                .pollInterval(Duration.ofMillis(200))
                .until(() ->
                        world
                                .kubernetesClient()
                                .resources(CredentialBinding.class)
                                .inAnyNamespace()
                                .list()
                                .getItems()
                                .stream()
                                .allMatch(b -> b.getStatus() != null
                                        && (b.getStatus().driftClass() != null
                                                || b.getStatus()
                                                        .condition(ConditionType.IN_SYNC)
                                                        .isPresent())));
    }

    private CredriftConfig config(World world, byte[] fingerprintKey) {
        Path keyFile = write("fingerprint.key", fingerprintKey);
        Path tokenFile =
                write("onepassword.token", world.onePasswordToken().reveal().getBytes(StandardCharsets.UTF_8));
        return new CredriftConfig(
                Optional.empty(),
                new CredriftConfig.Kafka(
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Map.of()),
                Optional.of(keyFile),
                new CredriftConfig.Kubernetes(Optional.empty(), Optional.empty()),
                Optional.of(new CredriftConfig.OnePassword(
                        world.onePasswordUrl(), tokenFile, Optional.empty(), Optional.empty())),
                new CredriftConfig.Notifier(List.of(), List.of(), Optional.empty()),
                // leader election on, so that the Lease calls are recorded too
                CredriftConfig.WatcherTuning.DEFAULTS.withLeaderElection(true, Optional.of("credrift")),
                CredriftConfig.ReconcilerTuning.DEFAULTS,
                CredriftConfig.Audit.NONE);
    }

    /** The timings {@code credrift sandbox} uses for worlds that live for seconds. */
    private static RoleOverrides overrides() {
        return new RoleOverrides(
                watcher -> watcher,
                reconciler -> reconciler
                        .withTimings(
                                new StepTimings(Duration.ofSeconds(90), Duration.ofMillis(500), Duration.ofMinutes(10)))
                        .withConsumers(new ReconcilerConfig.Consumers(
                                reconciler.consumers().notReadyGrace(),
                                reconciler.consumers().volumeMountsRefresh(),
                                Duration.ofSeconds(2))),
                notifier -> notifier);
    }

    private Path write(String name, byte[] content) {
        try {
            return Files.write(secrets.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String coverage(Set<KubeCall> exercised, Set<String> discovery) {
        StringBuilder out = new StringBuilder("KubeCalls exercised by the stories:\n");
        for (KubeCall call : KubeCalls.ALL) {
            out.append(exercised.contains(call) ? "  ✓ " : "  – ").append(call).append('\n');
        }
        discovery.forEach(path -> out.append("  ✓ discovery GET ").append(path).append('\n'));
        return out.toString();
    }
}
