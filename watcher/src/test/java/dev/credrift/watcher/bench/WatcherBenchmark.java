package dev.credrift.watcher.bench;

import dev.credrift.events.Topic;
import dev.credrift.events.Topics;
import dev.credrift.events.codec.Decoded;
import dev.credrift.events.codec.EventCodec;
import dev.credrift.events.codec.KafkaRecord;
import dev.credrift.events.credential.Credential;
import dev.credrift.events.credential.Fingerprint;
import dev.credrift.events.credential.Fingerprinter;
import dev.credrift.events.payload.EventPayload;
import dev.credrift.events.payload.ResyncRequested;
import dev.credrift.events.payload.SourceSecretObserved;
import dev.credrift.sandbox.kafka.EmbeddedKafkaBroker;
import dev.credrift.sandbox.kube.MockKubernetes;
import dev.credrift.watcher.Watcher;
import dev.credrift.watcher.WatcherConfig;
import dev.credrift.watcher.fixtures.Fixtures;
import dev.credrift.watcher.fixtures.KubeWorld;
import dev.credrift.watcher.publish.KafkaObservationSink;
import dev.credrift.watcher.publish.ObservationSink;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Prints how fast the watcher turns a source Secret update into an observation acknowledged by Kafka, next to how
 * fast a bare informer sees the same update (the floor), at 1, 100 and 1,000 bindings; and the heap the watcher
 * holds after a full sync of 1,000 bindings (3 Secrets and 3 pods each). Not a test: numbers, not verdicts.
 *
 * <p>Run (about two minutes): see the README of the watcher module, or
 * {@code ./mvnw -q -o -pl watcher -Dcredrift.target=target-w test-compile exec:exec@benchmark}.
 *
 * <p>Latency is measured from the moment the API server acknowledged the update (the PATCH returned) to the moment
 * the Kafka producer's send completed (acks=all), on a Kubernetes stand-in and an embedded broker in this JVM.
 */
public final class WatcherBenchmark {

    private static final int NAMESPACES = 10;
    private static final Fingerprinter FINGERPRINTER =
            new Fingerprinter("credrift benchmark fingerprint key".getBytes(StandardCharsets.UTF_8));
    private static final KubernetesSerialization JSON = new KubernetesSerialization();
    private static final Duration WINDOW = WatcherConfig.DEFAULT_COALESCE_WINDOW;

    /** Samples per size; at 1 binding fewer, since each must wait out the coalescing window of the last. */
    private final int samples = Integer.getInteger("bench.samples", 300);

    private final int samplesAtOne = Integer.getInteger("bench.samplesAtOne", 60);
    private final int[] sizes = Arrays.stream(
                    System.getProperty("bench.sizes", "1,100,1000").split(","))
            .mapToInt(Integer::parseInt)
            .toArray();
    private final Map<String, Sample> byAccessKey = new ConcurrentHashMap<>();
    private final Map<Fingerprint, Sample> byFingerprint = new ConcurrentHashMap<>();
    private final Map<Integer, Long> lastRotation = new ConcurrentHashMap<>();
    private final EventCodec codec = new EventCodec();
    private final AtomicInteger resyncsAcked = new AtomicInteger();
    private int sampleCounter;

    private EmbeddedKafkaBroker kafka;
    private KafkaProducer<String, byte[]> floorProducer;
    private MockKubernetes kube;
    private Vertx vertx;
    private Topics topics;
    private int worldSize;

    /** One update, timed at the API ack, the bare informer and the Kafka ack. */
    private static final class Sample {
        final CountDownLatch seen = new CountDownLatch(2);
        volatile long apiAck;
        volatile long informer;
        volatile long kafkaAck;
        volatile long sent;
    }

    /** p50/p99/max in milliseconds. */
    private record Stats(double p50, double p99, double max) {
        static Stats of(List<Long> nanos) {
            long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            return new Stats(
                    ms(sorted[(int) Math.floor(0.50 * (sorted.length - 1))]),
                    ms(sorted[(int) Math.ceil(0.99 * (sorted.length - 1))]),
                    ms(sorted[sorted.length - 1]));
        }

        private static double ms(long nanos) {
            return nanos / 1_000_000.0;
        }
    }

    private record Row(
            int bindings,
            int samples,
            Stats informer,
            Stats watcher,
            Stats kafka,
            Stats floor,
            Stats inside,
            Stats producing,
            double syncSeconds) {}

    public static void main(String[] args) throws Exception {
        new WatcherBenchmark().run();
        System.exit(0);
    }

    private void run() throws Exception {
        long started = System.nanoTime();
        kafka = EmbeddedKafkaBroker.start();
        kube = MockKubernetes.start();
        vertx = Vertx.vertx();
        topics = Topics.withPrefix("bench");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(
                            new NewTopic(topics.name(Topic.OBSERVATIONS), Optional.of(1), Optional.empty()),
                            new NewTopic(topics.name(Topic.OUTCOMES), Optional.of(1), Optional.empty())))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
        KubernetesClient floorClient = kube.newClient();
        SharedIndexInformer<Secret> floor = floorClient
                .secrets()
                .inAnyNamespace()
                .withLabel("app", "rook-ceph-rgw")
                .inform(floorHandler());

        floorProducer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka.bootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.LINGER_MS_CONFIG,
                        "1"),
                new StringSerializer(),
                new ByteArraySerializer());

        growWorld(1);
        Watcher warm = startWatcher(1);
        measure(1, 20);
        stop(warm);

        List<Row> rows = new ArrayList<>();
        long baseline = 0;
        long afterSync = 0;
        int largest = Arrays.stream(sizes).max().orElse(1);
        for (int size : sizes) {
            growWorld(size);
            if (size == largest) {
                baseline = usedHeapAfterGc();
            }
            long syncStart = System.nanoTime();
            Watcher watcher = startWatcher(size);
            double syncSeconds = (System.nanoTime() - syncStart) / 1e9;
            if (size == largest) {
                afterSync = usedHeapAfterGc();
            }
            List<long[]> latencies = measure(size, size == 1 ? samplesAtOne : samples);
            stop(watcher);
            rows.add(new Row(
                    size,
                    latencies.size(),
                    Stats.of(latencies.stream().map(l -> l[0]).toList()),
                    Stats.of(latencies.stream().map(l -> l[1]).toList()),
                    Stats.of(latencies.stream().map(l -> l[2]).toList()),
                    Stats.of(latencies.stream().map(l -> l[0] + l[2]).toList()),
                    Stats.of(latencies.stream().map(l -> l[3]).toList()),
                    Stats.of(latencies.stream().map(l -> l[4]).toList()),
                    syncSeconds));
        }
        floor.close();
        floorProducer.close();
        print(rows, largest, baseline, afterSync, (System.nanoTime() - started) / 1e9);
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        kube.close();
        kafka.close();
    }

    private Watcher startWatcher(int bindings) throws Exception {
        resyncsAcked.set(0);
        WatcherConfig config = WatcherConfig.defaults(FINGERPRINTER)
                .withTopics(topics)
                .withElection(WatcherConfig.Election.disabled())
                .withResyncPeriod(Duration.ofHours(1));
        ObservationSink timed =
                timing(KafkaObservationSink.create(vertx, Map.of("bootstrap.servers", kafka.bootstrapServers())));
        Watcher watcher = Watcher.start(config, kube.newClient(), vertx, timed)
                .toCompletionStage()
                .toCompletableFuture()
                .get(120, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (resyncsAcked.get() < bindings && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        if (resyncsAcked.get() < bindings) {
            throw new IllegalStateException("startup resync of " + bindings + " bindings not acknowledged in time");
        }
        // a full sync includes each binding's Valid condition (written once, the first time a watcher sees it)
        while (validBindings() < bindings && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        return watcher;
    }

    private long validBindings() {
        return kube.client().genericKubernetesResources(KubeWorld.BINDINGS).inAnyNamespace().list().getItems().stream()
                .filter(b -> String.valueOf(b.getAdditionalProperties().get("status"))
                        .contains("Valid"))
                .count();
    }

    private static void stop(Watcher watcher) throws Exception {
        watcher.stop().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    /** Rotates source Secrets one at a time; each sample waits for the informer and the Kafka ack. */
    private List<long[]> measure(int bindings, int count) throws Exception {
        KubernetesClient client = kube.client();
        List<long[]> latencies = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            int binding = k % bindings;
            Long last = lastRotation.get(binding);
            long quietUntil = last == null ? 0 : last + WINDOW.toNanos() + TimeUnit.MILLISECONDS.toNanos(20);
            while (System.nanoTime() < quietUntil) {
                Thread.sleep(5);
            }
            int id = ++sampleCounter;
            String accessKey = String.format(Locale.ROOT, "BENCH%015d", id);
            String secretKey = "bench-secret-" + id;
            Sample sample = new Sample();
            byAccessKey.put(accessKey, sample);
            byFingerprint.put(FINGERPRINTER.fingerprint(Credential.of(accessKey, secretKey)), sample);
            client.secrets()
                    .inNamespace(Fixtures.ROOK_NS)
                    .withName(rookSecretName(binding))
                    .patch(
                            PatchContext.of(PatchType.JSON_MERGE),
                            JSON.asJson(
                                    Map.of("data", Map.of("AccessKey", b64(accessKey), "SecretKey", b64(secretKey)))));
            sample.apiAck = System.nanoTime();
            lastRotation.put(binding, sample.apiAck);
            if (!sample.seen.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("sample " + id + " not seen within 30 s");
            }
            latencies.add(new long[] {
                sample.informer - sample.apiAck,
                sample.kafkaAck - sample.apiAck,
                bareKafkaAck(),
                sample.sent - sample.informer,
                sample.kafkaAck - sample.sent
            });
        }
        return latencies;
    }

    /** A bare produce of an observation-sized record, acks=all: the other part of the floor. */
    private long bareKafkaAck() throws Exception {
        long start = System.nanoTime();
        floorProducer
                .send(new ProducerRecord<>(topics.name(Topic.OUTCOMES), "bench/floor", new byte[700]))
                .get(30, TimeUnit.SECONDS);
        return System.nanoTime() - start;
    }

    private ResourceEventHandler<Secret> floorHandler() {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(Secret obj) {}

            @Override
            public void onUpdate(Secret oldObj, Secret newObj) {
                long now = System.nanoTime();
                String encoded =
                        newObj.getData() == null ? null : newObj.getData().get("AccessKey");
                if (encoded == null) {
                    return;
                }
                Sample sample =
                        byAccessKey.remove(new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8));
                if (sample != null) {
                    sample.informer = now;
                    sample.seen.countDown();
                }
            }

            @Override
            public void onDelete(Secret obj, boolean deletedFinalStateUnknown) {}
        };
    }

    /** The Kafka sink, noting when each observation was acknowledged. */
    private ObservationSink timing(ObservationSink kafkaSink) {
        return new ObservationSink() {
            @Override
            public Future<Void> send(String topic, KafkaRecord record) {
                long sentAt = System.nanoTime();
                return kafkaSink.send(topic, record).onSuccess(v -> {
                    long now = System.nanoTime();
                    if (codec.decode(record) instanceof Decoded decoded) {
                        EventPayload payload = decoded.event().payload();
                        if (payload instanceof ResyncRequested) {
                            resyncsAcked.incrementAndGet();
                        } else if (payload instanceof SourceSecretObserved source && source.credential() != null) {
                            Sample sample =
                                    byFingerprint.remove(source.credential().fingerprint());
                            if (sample != null) {
                                sample.kafkaAck = now;
                                sample.sent = sentAt;
                                sample.seen.countDown();
                            }
                        }
                    }
                });
            }

            @Override
            public Future<Void> close() {
                return kafkaSink.close();
            }
        };
    }

    /** Creates bindings up to {@code size}: 3 Secrets, 3 pods, an ExternalSecret and a Rook user each. */
    private void growWorld(int size) throws Exception {
        if (size <= worldSize) {
            return;
        }
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<?>> created = new ArrayList<>();
            for (int i = worldSize; i < size; i++) {
                int index = i;
                created.add(pool.submit(() -> createBinding(index)));
            }
            for (java.util.concurrent.Future<?> f : created) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdown();
        }
        System.err.printf(
                Locale.ROOT,
                "world: %d -> %d bindings in %.1f s%n",
                worldSize,
                size,
                (System.nanoTime() - start) / 1e9);
        worldSize = size;
    }

    private void createBinding(int i) {
        KubernetesClient client = kube.client();
        KubeWorld world = new KubeWorld(client);
        String namespace = "team-" + (i % NAMESPACES);
        String name = "app-" + i;
        String replica = name + "-s3";
        String key = String.format(Locale.ROOT, "INIT%016d", i);
        world.rookUser("user-" + i, key, "initial-secret-" + i);
        // created without writing its status: one call fewer per binding keeps the run short
        client.genericKubernetesResources(world.externalSecrets())
                .inNamespace(namespace)
                .resource(Fixtures.externalSecret("external-secrets.io/v1", namespace, replica, replica))
                .create();
        world.create(Fixtures.replicaSecret(namespace, replica, key, "initial-secret-" + i));
        world.create(Fixtures.replicaSecret(namespace, name + "-extra", key, "unrelated-" + i));
        world.pod(consumer(namespace, name, 0, replica, "env"));
        world.pod(consumer(namespace, name, 1, replica, "envFrom"));
        world.pod(consumer(namespace, name, 2, replica, "volume"));
        GenericKubernetesResource binding = Fixtures.binding(namespace, name, "user-" + i, replica);
        world.binding(binding);
    }

    private static Pod consumer(String namespace, String statefulSet, int ordinal, String secret, String how) {
        Pod pod = Fixtures.statefulSetPod(namespace, statefulSet, ordinal, secret, true);
        ContainerBuilder container =
                new ContainerBuilder(pod.getSpec().getContainers().get(0));
        PodBuilder builder = new PodBuilder(pod);
        if (how.equals("envFrom")) {
            container
                    .withEnv(List.of())
                    .addNewEnvFrom()
                    .withNewSecretRef()
                    .withName(secret)
                    .endSecretRef()
                    .endEnvFrom();
        } else if (how.equals("volume")) {
            container
                    .withEnv(List.of())
                    .addNewVolumeMount()
                    .withName("s3")
                    .withMountPath("/etc/s3")
                    .endVolumeMount();
            builder.editSpec()
                    .addNewVolume()
                    .withName("s3")
                    .withNewSecret()
                    .withSecretName(secret)
                    .endSecret()
                    .endVolume()
                    .endSpec();
        }
        return builder.editSpec().withContainers(container.build()).endSpec().build();
    }

    private static String rookSecretName(int binding) {
        return "rook-ceph-object-user-" + Fixtures.STORE + "-user-" + binding;
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private void print(List<Row> rows, int largest, long baseline, long afterSync, double seconds) {
        StringBuilder out = new StringBuilder();
        out.append(
                String.format(
                        Locale.ROOT,
                        "%nLatency from a source Secret update acknowledged by the API (ms):"
                                + " bare informer callback; watcher observation acknowledged by Kafka; a bare Kafka produce%n"));
        out.append("| bindings | samples | informer p50 | informer p99 | informer max | watcher p50 | watcher p99 |"
                + " watcher max | bare produce p50 | bare produce p99 | informer+produce p99 |"
                + " watcher p99 / informer p99 | watcher p99 / (informer+produce) p99 | start + full sync (s) |\n");
        out.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row row : rows) {
            out.append(String.format(
                    Locale.ROOT,
                    "| %d | %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f"
                            + " | %.2f | %.2fx | %.2fx | %.1f |%n",
                    row.bindings(),
                    row.samples(),
                    row.informer().p50(),
                    row.informer().p99(),
                    row.informer().max(),
                    row.watcher().p50(),
                    row.watcher().p99(),
                    row.watcher().max(),
                    row.kafka().p50(),
                    row.kafka().p99(),
                    row.floor().p99(),
                    row.watcher().p99() / Math.max(row.informer().p99(), 0.001),
                    row.watcher().p99() / Math.max(row.floor().p99(), 0.001),
                    row.syncSeconds()));
        }
        out.append(String.format(
                Locale.ROOT,
                "%nWhere the watcher's time goes (ms): informer callback -> record"
                        + " handed to the producer (the watcher's own work); producer send -> Kafka ack%n"));
        out.append("| bindings | own work p50 | own work p99 | own work max | send->ack p50 | send->ack p99 |"
                + " send->ack max |\n");
        out.append("|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row row : rows) {
            out.append(String.format(
                    Locale.ROOT,
                    "| %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |%n",
                    row.bindings(),
                    row.inside().p50(),
                    row.inside().p99(),
                    row.inside().max(),
                    row.producing().p50(),
                    row.producing().p99(),
                    row.producing().max()));
        }
        out.append(String.format(
                Locale.ROOT,
                "%nHeap after full sync at %d bindings (3 Secrets, 3 pods each), after"
                        + " GC: %.1f MB used in this JVM (Kafka broker and Kubernetes stand-in included); before the watcher"
                        + " started: %.1f MB; held by the watcher: %.1f MB (target <= 256 MB)%n",
                largest,
                afterSync / 1048576.0,
                baseline / 1048576.0,
                (afterSync - baseline) / 1048576.0));
        out.append(String.format(
                Locale.ROOT,
                "JVM %s, %d CPUs, max heap %d MB; run took %.0f s%n",
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / 1048576,
                seconds));
        System.out.println(out);
    }
}
