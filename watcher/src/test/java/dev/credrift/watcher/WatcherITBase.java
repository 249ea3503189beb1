package dev.credrift.watcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.events.Topic;
import dev.credrift.events.Topics;
import dev.credrift.events.credential.Credential;
import dev.credrift.events.credential.Fingerprint;
import dev.credrift.events.credential.Fingerprinter;
import dev.credrift.sandbox.kafka.KafkaBroker;
import dev.credrift.sandbox.kafka.KafkaBrokerExtension;
import dev.credrift.sandbox.kube.MockKubernetes;
import dev.credrift.sandbox.logs.LogCapture;
import dev.credrift.watcher.fixtures.KubeWorld;
import dev.credrift.watcher.fixtures.Observations;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One world per test: a fresh Kubernetes stand-in, a topic of its own on the run's Kafka broker, a consumer on it,
 * and log capture. After each test, every planted secret value (and full access key id) must be absent from every
 * record on the topic and every log line, exceptions included.
 */
@ExtendWith(KafkaBrokerExtension.class)
abstract class WatcherITBase {

    static final Fingerprinter FINGERPRINTER =
            new Fingerprinter("credrift watcher IT fingerprint key".getBytes(StandardCharsets.UTF_8));

    KafkaBroker kafka;
    MockKubernetes kube;
    KubeWorld world;
    Vertx vertx;
    Topics topics;
    Observations observations;
    LogCapture logs;
    final List<Watcher> watchers = new ArrayList<>();

    @BeforeEach
    void setUpWorld(KafkaBroker broker) throws Exception {
        kafka = broker;
        logs = LogCapture.asConfigured();
        kube = startKube();
        world = new KubeWorld(kube.client(), externalSecretVersion());
        vertx = Vertx.vertx();
        topics = Topics.withPrefix(kafka.uniqueName("credrift"));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topics.name(Topic.OBSERVATIONS), Optional.of(1), Optional.empty())))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
        observations = new Observations(kafka.bootstrapServers(), topics.name(Topic.OBSERVATIONS));
    }

    MockKubernetes startKube() {
        return MockKubernetes.start();
    }

    String externalSecretVersion() {
        return "v1";
    }

    @AfterEach
    void tearDownWorldAndCheckForLeaks() throws Exception {
        try {
            for (Watcher watcher : watchers) {
                watcher.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            }
            observations.poll();
            assertNoPlantedValueLeaked();
            assertThat(observations.undecodable()).isEmpty();
        } finally {
            observations.close();
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            kube.close();
            logs.close();
        }
    }

    /** Defaults for tests: no election (one replica), a short coalescing window, no periodic resync. */
    WatcherConfig config() {
        return WatcherConfig.defaults(FINGERPRINTER)
                .withTopics(topics)
                .withCoalesceWindow(Duration.ofMillis(250))
                .withResyncPeriod(Duration.ofHours(1))
                .withElection(WatcherConfig.Election.disabled());
    }

    Watcher start(WatcherConfig config) throws Exception {
        Watcher watcher = Watcher.start(
                        config, kube.newClient(), vertx, Map.of("bootstrap.servers", kafka.bootstrapServers()))
                .toCompletionStage()
                .toCompletableFuture()
                .get(60, TimeUnit.SECONDS);
        watchers.add(watcher);
        return watcher;
    }

    static Fingerprint fingerprint(String accessKey, String secretKey) {
        return FINGERPRINTER.fingerprint(Credential.of(accessKey, secretKey));
    }

    private void assertNoPlantedValueLeaked() {
        List<String> planted = world.planted();
        assertThat(planted).as("a test that plants nothing proves nothing").isNotEmpty();
        List<String> forms = new ArrayList<>();
        for (String value : planted) {
            forms.add(value);
            forms.add(Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
        }
        for (Observations.Received received : observations.all()) {
            StringBuilder text = new StringBuilder(String.valueOf(received.raw().key()));
            received.raw()
                    .headers()
                    .forEach((name, value) -> text.append(name).append(new String(value, StandardCharsets.UTF_8)));
            text.append(new String(received.raw().value(), StandardCharsets.UTF_8));
            text.append(received.event());
            for (String form : forms) {
                assertThat(text.toString())
                        .as("record %s", received.event().type())
                        .doesNotContain(form);
            }
        }
        List<String> lines = logs.lines();
        assertThat(lines).as("log capture works").isNotEmpty();
        for (String line : lines) {
            for (String form : forms) {
                assertThat(line).as("log line").doesNotContain(form);
            }
        }
    }
}
