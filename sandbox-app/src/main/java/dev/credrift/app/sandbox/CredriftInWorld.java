package dev.credrift.app.sandbox;

import dev.credrift.app.config.CredriftConfig;
import dev.credrift.app.config.SecretReference;
import dev.credrift.app.kafka.BootstrapServers;
import dev.credrift.app.kafka.TopicAdministrator;
import dev.credrift.app.kafka.TopicLayout;
import dev.credrift.app.roles.LazyKubernetesClient;
import dev.credrift.app.roles.Role;
import dev.credrift.app.roles.RoleContext;
import dev.credrift.app.roles.RoleOverrides;
import dev.credrift.app.roles.RoleSet;
import dev.credrift.events.Topic;
import dev.credrift.events.Topics;
import dev.credrift.notifier.config.SecretSource;
import dev.credrift.notifier.config.SinkConfig;
import dev.credrift.notifier.webhook.SignatureScheme;
import dev.credrift.reconciler.ReconcilerConfig;
import dev.credrift.reconciler.step.StepTimings;
import dev.credrift.sandbox.webhook.ReceiverSignature;
import dev.credrift.sandbox.webhook.WebhookSink;
import dev.credrift.sandbox.world.World;
import dev.credrift.sandbox.world.WorldDirectory;
import dev.credrift.sandbox.world.spec.ReconcilerBudgetSpec;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The real watcher, reconciler and notifier, started in this process against one world: its Kubernetes stand-in,
 * its 1Password Connect emulator (token handed over in the world's private token file, as a mounted Secret would be) and its webhook
 * sink (a signed-webhook sink and a Slack sink), on the sandbox's Kafka broker with topics of their own. The only
 * settings that differ from {@code credrift run} are timings for a world that lives for seconds.
 */
public final class CredriftInWorld implements AutoCloseable {

    static final String WEBHOOK_PATH = "/credrift/webhook";
    static final String SLACK_PATH = "/services/sandbox/slack";
    static final String WEBHOOK_SINK = "sandbox-webhook";
    static final String STANDARD_WEBHOOK_PATH = "/credrift/standard-webhook";
    static final String STANDARD_WEBHOOK_SINK = "sandbox-standard-webhook";
    static final String SLACK_SINK = "sandbox-slack";

    /** credrift's {@code User-Agent} towards the Kubernetes stand-in, which counts requests by it. */
    public static final String USER_AGENT = "credrift-sandbox";

    private static final Duration ROLE_START_BOUND = Duration.ofSeconds(90);

    private final Topics topics;
    private final String topicPrefix;
    private final LazyKubernetesClient kubernetes;
    private RoleSet roles;

    private CredriftInWorld(Topics topics, String topicPrefix, LazyKubernetesClient kubernetes) {
        this.topics = topics;
        this.topicPrefix = topicPrefix;
        this.kubernetes = kubernetes;
    }

    /**
     * @param fingerprintKey the key the world fingerprints with, so that credrift's fingerprints and the world's agree
     * @param auditKey       the run's audit key: the reconciler seals audit records with it
     * @throws IllegalStateException naming what did not start
     */
    public static CredriftInWorld start(
            Vertx vertx,
            World world,
            BootstrapServers kafka,
            String topicPrefix,
            byte[] fingerprintKey,
            byte[] auditKey) {
        Topics topics = Topics.withPrefix(topicPrefix);
        // credrift's files go into the world's private work directory, next to the Connect token file
        WorldDirectory secrets = world.workDirectory();
        CredriftInWorld credrift = new CredriftInWorld(
                topics,
                topicPrefix,
                new LazyKubernetesClient(() -> world.kubernetes()
                        .newClient(builder -> builder.editOrNewConfig()
                                .withUserAgent(USER_AGENT)
                                .endConfig())));
        try {
            CredriftConfig config = config(world, secrets, fingerprintKey, auditKey);
            try (TopicAdministrator admin = new TopicAdministrator(kafka, Duration.ofSeconds(15))) {
                admin.ensureTopics(new TopicLayout(topics, 1, (short) 1).specs());
            }
            RoleContext context = new RoleContext(
                    vertx,
                    config,
                    topics,
                    topicPrefix,
                    kafka,
                    Map.of(),
                    new SimpleMeterRegistry(),
                    name -> null,
                    credrift.kubernetes,
                    overrides());
            credrift.roles = RoleSet.start(context, Set.of(Role.WATCHER, Role.RECONCILER, Role.NOTIFIER))
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(ROLE_START_BOUND.toMillis(), TimeUnit.MILLISECONDS);
            return credrift;
        } catch (Exception e) {
            credrift.close();
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException(
                    "credrift did not start in world " + world.spec().name() + ": "
                            + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()),
                    cause);
        }
    }

    private static CredriftConfig config(World world, WorldDirectory secrets, byte[] fingerprintKey, byte[] auditKey) {
        Path keyFile = secrets.write("fingerprint.key", fingerprintKey);
        Path auditKeyFile = secrets.write("audit.key", auditKey);
        // the world's own token file, the one --keep-running shows (a mounted Secret, as in production)
        Path tokenFile = world.onePasswordTokenFile();
        ReconcilerBudgetSpec budgets = world.spec().reconciler();
        List<SinkConfig> sinks =
                world.webhookSink().map(sink -> sinks(sink, secrets)).orElse(List.of());
        return new CredriftConfig(
                Optional.empty(),
                new CredriftConfig.Kafka(
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Map.of()),
                Optional.of(keyFile),
                new CredriftConfig.Kubernetes(Optional.empty(), Optional.empty()),
                Optional.of(new CredriftConfig.OnePassword(
                        world.onePasswordUrl(), tokenFile, Optional.empty(), Optional.empty())),
                new CredriftConfig.Notifier(sinks, List.of(), Optional.empty()),
                CredriftConfig.WatcherTuning.DEFAULTS.withLeaderElection(false, Optional.empty()),
                CredriftConfig.ReconcilerTuning.DEFAULTS.withBudgets(
                        budgets.concurrency(), budgets.globalRolloutsPerHour(), budgets.vaultWritesPerMinute()),
                new CredriftConfig.Audit(Optional.of(auditKeyFile), List.of()));
    }

    /**
     * A webhook signed credrift's way, one signed the Standard Webhooks way and a Slack incoming webhook, all answered
     * by the world's webhook sink, which checks each signature as a receiver holding the key would.
     */
    private static List<SinkConfig> sinks(WebhookSink sink, WorldDirectory secrets) {
        String credriftKey = HexFormat.of().formatHex(SandboxKeys.random(32));
        String standardSecret = "whsec_" + Base64.getEncoder().encodeToString(SandboxKeys.random(32));
        sink.expectSignature(WEBHOOK_PATH, ReceiverSignature.credrift(credriftKey));
        sink.expectSignature(STANDARD_WEBHOOK_PATH, ReceiverSignature.standardWebhooks(standardSecret));
        Path signingKey = secrets.write("webhook.key", credriftKey.getBytes(StandardCharsets.UTF_8));
        Path standardKey = secrets.write("standard-webhook.key", standardSecret.getBytes(StandardCharsets.UTF_8));
        return List.of(
                SinkConfig.webhook(
                        WEBHOOK_SINK,
                        url(sink, WEBHOOK_PATH, secrets, "webhook.url"),
                        new SecretReference.File(signingKey).toSecretSource()),
                SinkConfig.webhook(
                                STANDARD_WEBHOOK_SINK,
                                url(sink, STANDARD_WEBHOOK_PATH, secrets, "standard-webhook.url"),
                                new SecretReference.File(standardKey).toSecretSource())
                        .withSignature(SignatureScheme.STANDARD_WEBHOOKS),
                SinkConfig.slack(SLACK_SINK, url(sink, SLACK_PATH, secrets, "slack.url")));
    }

    private static SecretSource url(WebhookSink sink, String path, WorldDirectory secrets, String file) {
        URI uri = sink.uri(path);
        return new SecretReference.File(secrets.write(file, uri.toString().getBytes(StandardCharsets.UTF_8)))
                .toSecretSource();
    }

    /** Shorter looks for a world that lives for seconds; everything else as in production. */
    private static RoleOverrides overrides() {
        return new RoleOverrides(
                watcher -> watcher,
                reconciler -> reconciler
                        .withTimings(
                                new StepTimings(Duration.ofSeconds(90), Duration.ofMillis(500), Duration.ofMinutes(10)))
                        .withConsumers(new ReconcilerConfig.Consumers(
                                reconciler.consumers().notReadyGrace(),
                                reconciler.consumers().volumeMountsRefresh(),
                                Duration.ofSeconds(2)))
                        // a trust policy edited in a story is seen within seconds, not minutes
                        .withProbing(reconciler.probing().withIdentityRecheck(Duration.ofSeconds(2))),
                notifier -> notifier.withCommitInterval(Duration.ofMillis(200)));
    }

    String topicPrefix() {
        return topicPrefix;
    }

    /** The watcher's observations, which the reconciler handles (the scale benchmark counts them). */
    public String observationsTopic() {
        return topics.name(Topic.OBSERVATIONS);
    }

    public String outcomesTopic() {
        return topics.name(Topic.OUTCOMES);
    }

    public String auditTopic() {
        return topics.name(Topic.AUDIT);
    }

    List<Role> roles() {
        return roles == null ? List.of() : roles.running();
    }

    /** Stops the roles and closes their Kubernetes client; its files go with the world's work directory. */
    @Override
    public void close() {
        if (roles != null) {
            try {
                roles.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                // the world is going away anyway; a role that does not stop in time must not keep the command alive
            }
            roles = null;
        }
        kubernetes.close();
    }
}
