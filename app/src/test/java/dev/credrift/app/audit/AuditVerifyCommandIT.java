package dev.credrift.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.credrift.api.CredentialBinding;
import dev.credrift.api.status.AuditChainHead;
import dev.credrift.api.status.CredentialBindingStatus;
import dev.credrift.app.CredriftCommand;
import dev.credrift.app.KubeconfigFile;
import dev.credrift.app.cli.Environment;
import dev.credrift.events.BindingId;
import dev.credrift.events.EventFactory;
import dev.credrift.events.audit.AuditChain;
import dev.credrift.events.audit.AuditEntry;
import dev.credrift.events.audit.AuditKey;
import dev.credrift.events.audit.AuditKeys;
import dev.credrift.events.codec.EventCodec;
import dev.credrift.events.codec.KafkaRecord;
import dev.credrift.events.credential.Fingerprint;
import dev.credrift.events.payload.AuditRecord;
import dev.credrift.notifier.webhook.CloudEventJson;
import dev.credrift.sandbox.kafka.KafkaBroker;
import dev.credrift.sandbox.kafka.KafkaBrokerExtension;
import dev.credrift.sandbox.kube.MockKubernetes;
import dev.credrift.sandbox.kube.MockKubernetesExtension;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@ExtendWith({KafkaBrokerExtension.class, MockKubernetesExtension.class})
class AuditVerifyCommandIT {

    private static final String KEY_TEXT = "PLANTED-audit-key-0123456789abcdef";
    private static final AuditKey KEY = AuditKey.of(KEY_TEXT.getBytes(StandardCharsets.UTF_8));
    private static final AuditKeys KEYS = AuditKeys.of(KEY, List.of());
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final BindingId LOKI = BindingId.of("monitoring", "loki-s3");
    private static final BindingId TEMPO = BindingId.of("monitoring", "tempo-s3");
    private static final Fingerprint BEFORE = new Fingerprint("AAAAAAAAAAAAAAAAAAAAAA");
    private static final Fingerprint AFTER = new Fingerprint("BBBBBBBBBBBBBBBBBBBBBQ");

    private final EventCodec codec = new EventCodec();
    private final EventFactory events = new EventFactory(
            URI.create("urn:credrift:reconciler"),
            Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneOffset.UTC),
            () -> UUID.randomUUID().toString());
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    private Path keyFile;

    @BeforeEach
    void writeKeyFile() throws Exception {
        keyFile = Files.writeString(dir.resolve("audit.key"), KEY_TEXT + "\n");
    }

    @Test
    void shouldExitZeroAndSummarizeEachBindingWhenChainsAreIntact(KafkaBroker kafka) throws Exception {
        String topic = createTopic(kafka, "audit-intact");
        produce(kafka, topic, interleaved(chain(LOKI, 4), chain(TEMPO, 3)));

        int exitCode = verify(kafka, topic);

        assertThat(exitCode).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("audit topic " + topic + " at " + kafka.bootstrapServers()
                        + ": 7 audit record(s) in 2 partition(s), 2 binding(s)")
                .containsPattern("monitoring/loki-s3 +4 +4 +ok")
                .containsPattern("monitoring/tempo-s3 +3 +3 +ok")
                .contains("result: intact");
    }

    @Test
    void shouldExitOneAndNameSequenceWhenRecordIsRemoved(KafkaBroker kafka) throws Exception {
        String topic = createTopic(kafka, "audit-removed");
        List<AuditRecord> loki = new ArrayList<>(chain(LOKI, 5));
        loki.remove(2);
        produce(kafka, topic, interleaved(loki, chain(TEMPO, 2)));

        int exitCode = verify(kafka, topic);

        assertThat(exitCode).isEqualTo(1);
        assertThat(out.toString())
                .containsPattern(
                        "monitoring/loki-s3 +4 +2 +REMOVED: sequence 3 is missing; sequence 4 came in its place"
                                + " at partition \\d, offset \\d+")
                .containsPattern("monitoring/tempo-s3 +2 +2 +ok")
                .contains("result: 1 finding(s)");
    }

    @Test
    void shouldExitOneAndSayAlteredWhenRecordIsTampered(KafkaBroker kafka) throws Exception {
        String topic = createTopic(kafka, "audit-altered");
        List<AuditRecord> loki = new ArrayList<>(chain(LOKI, 3));
        AuditRecord original = loki.get(1);
        // someone rewrites what was done, keeping the stored hash
        loki.set(
                1,
                new AuditRecord(
                        original.bindingId(),
                        original.sequence(),
                        original.time(),
                        original.actor(),
                        original.action(),
                        "nothing happened here",
                        original.correlationId(),
                        original.before(),
                        original.after(),
                        original.prevHash(),
                        original.hash()));
        produce(kafka, topic, loki);

        int exitCode = verify(kafka, topic);

        assertThat(exitCode).isEqualTo(1);
        assertThat(out.toString())
                .containsPattern("monitoring/loki-s3 +3 +1 +ALTERED: sequence 2: its hash does not match its content");
    }

    @Test
    void shouldAcceptLateStartOnlyWhenFromAnyRecordIsGiven(KafkaBroker kafka) throws Exception {
        String topic = createTopic(kafka, "audit-retained");
        produce(kafka, topic, chain(LOKI, 5).subList(2, 5));

        assertThat(verify(kafka, topic)).isEqualTo(1);
        assertThat(out.toString()).contains("REMOVED: sequence 1 is missing; sequence 3 came in its place");
        out.getBuffer().setLength(0);

        assertThat(verify(kafka, topic, "--from-any-record")).isZero();
        assertThat(out.toString()).containsPattern("monitoring/loki-s3 +3 +5 +ok");
    }

    @Test
    void shouldExitThreeWhenTopicDoesNotExist(KafkaBroker kafka) {
        String topic = kafka.uniqueName("audit-missing");

        int exitCode = verify(kafka, topic, "--timeout", "10s");

        assertThat(exitCode).isEqualTo(3);
        assertThat(err.toString()).contains("topic " + topic + " does not exist at " + kafka.bootstrapServers());
    }

    @Test
    void shouldVerifyAnExportedFileWorldByWorldWhenGivenTheAuditKey() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        List<String> lines = new ArrayList<>();
        for (AuditRecord record : chain(LOKI, 3, KEYS)) {
            lines.add(line("story-a", record));
        }
        for (AuditRecord record : chain(LOKI, 2, KEYS)) {
            lines.add(line("story-b", record));
        }
        Files.write(file, lines);

        assertThat(execute("audit", "verify", "--file", file.toString(), "--audit-key", keyFile.toString()))
                .as(err.toString())
                .isZero();
        assertThat(out.toString())
                .contains("file " + file + " (world story-a): 3 audit record(s), 1 binding(s)")
                .contains("file " + file + " (world story-b): 2 audit record(s), 1 binding(s)")
                .containsPattern("monitoring/loki-s3 +3 +3 +ok\n")
                .contains("audit keys: " + KEY.id());
        out.getBuffer().setLength(0);

        assertThat(execute("audit", "verify", "--file", file.toString())).isEqualTo(1);
        assertThat(out.toString())
                .contains("UNVERIFIABLE: sequence 1 is sealed with audit key " + KEY.id() + ", which was not given")
                .contains("at line 1");
        assertThat(out.toString() + err).doesNotContain(KEY_TEXT);
    }

    @Test
    void shouldFailWhenEveryHashWasRecomputedWithoutTheAuditKey(KafkaBroker kafka) throws Exception {
        String topic = createTopic(kafka, "audit-rewritten");
        List<AuditRecord> rewritten = new ArrayList<>();
        String prev = AuditRecord.GENESIS_HASH;
        for (AuditRecord r : chain(LOKI, 3, KEYS)) {
            // what someone without the key can do: edit, then recompute every hash as documented for unkeyed records
            AuditRecord edited = new AuditRecord(
                    r.bindingId(),
                    r.sequence(),
                    r.time(),
                    r.actor(),
                    r.action(),
                    "nothing happened here",
                    r.correlationId(),
                    r.before(),
                    r.after(),
                    prev,
                    AuditRecord.GENESIS_HASH,
                    r.keyId());
            String hash = sha256(prev + unkeyedCanonical(edited));
            rewritten.add(new AuditRecord(
                    r.bindingId(),
                    r.sequence(),
                    r.time(),
                    r.actor(),
                    r.action(),
                    edited.reason(),
                    r.correlationId(),
                    r.before(),
                    r.after(),
                    prev,
                    hash,
                    r.keyId()));
            prev = hash;
        }
        produce(kafka, topic, rewritten);

        assertThat(verify(kafka, topic, "--audit-key", keyFile.toString())).isEqualTo(1);
        assertThat(out.toString())
                .containsPattern("monitoring/loki-s3 +3 +0 +ALTERED: sequence 1: its HMAC does not match"
                        + " its content under audit key " + KEY.id());
    }

    @Test
    void shouldDetectADroppedTailAgainstTheBindingsStatus(KafkaBroker kafka, MockKubernetes kube) throws Exception {
        String topic = createTopic(kafka, "audit-truncated");
        List<AuditRecord> loki = chain(LOKI, 5, KEYS);
        AuditRecord head = loki.get(4);
        CredentialBinding binding = new CredentialBinding();
        binding.setMetadata(new ObjectMetaBuilder()
                .withNamespace("monitoring")
                .withName("loki-s3")
                .build());
        CredentialBinding created = kube.client().resource(binding).create();
        // the status subresource: as on a real API server, create ignores status
        created.setStatus(CredentialBindingStatus.EMPTY.withAuditHead(
                new AuditChainHead(head.sequence(), head.hash(), head.keyId())));
        kube.client().resource(created).updateStatus();
        Path kubeconfig = KubeconfigFile.write(dir, kube.url(), "monitoring");
        produce(kafka, topic, loki.subList(0, 3));

        assertThat(verify(kafka, topic, "--audit-key", keyFile.toString(), "--kubeconfig", kubeconfig.toString()))
                .as(err.toString())
                .isEqualTo(1);
        assertThat(out.toString())
                .containsPattern(
                        "monitoring/loki-s3 +3 +3 +TRUNCATED: the binding's status holds chain"
                                + " head sequence 5, the chain ends at sequence 3 \\(partition \\d, offset 2\\): its tail was removed")
                .contains("chain heads: 1 from the bindings' status");
        out.getBuffer().setLength(0);

        produce(kafka, topic, loki.subList(3, 5));
        assertThat(verify(kafka, topic, "--audit-key", keyFile.toString(), "--kubeconfig", kubeconfig.toString()))
                .as(out.toString())
                .isZero();
    }

    @Test
    void shouldVerifyAnOldUnkeyedChainAndSayItIsUnkeyed(KafkaBroker kafka) throws Exception {
        String topic = createTopic(kafka, "audit-unkeyed");
        produce(kafka, topic, chain(LOKI, 3));

        assertThat(verify(kafka, topic, "--audit-key", keyFile.toString())).isZero();
        assertThat(out.toString())
                .containsPattern("monitoring/loki-s3 +3 +3 +ok \\(UNKEYED: sequences 1-3 carry no" + " audit-key HMAC");
        out.getBuffer().setLength(0);

        assertThat(verify(kafka, topic, "--audit-key", keyFile.toString(), "--require-keyed"))
                .isEqualTo(1);
    }

    private int verify(KafkaBroker kafka, String topic, String... extra) {
        List<String> args =
                new ArrayList<>(List.of("audit", "verify", "--kafka", kafka.bootstrapServers(), "--topic", topic));
        args.addAll(List.of(extra));
        return execute(args.toArray(String[]::new));
    }

    private int execute(String... args) {
        CommandLine commandLine = CredriftCommand.commandLine(Environment.of(Map.of()));
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }

    private String line(String world, AuditRecord record) throws Exception {
        ObjectNode node = (ObjectNode) MAPPER.readTree(new CloudEventJson().write(events.create(record)));
        node.put("sandboxworld", world);
        return MAPPER.writeValueAsString(node);
    }

    // the documented canonical form (README, schema), written out here as an outsider would
    private static String unkeyedCanonical(AuditRecord r) {
        return "{\"action\":\"" + r.action() + "\",\"actor\":\"" + r.actor() + "\",\"after\":\""
                + r.after().value()
                + "\",\"before\":\"" + r.before().value() + "\",\"bindingId\":\"" + r.bindingId()
                + "\",\"correlationId\":\"" + r.correlationId() + "\",\"keyId\":\"" + r.keyId() + "\",\"reason\":\""
                + r.reason() + "\",\"sequence\":" + r.sequence() + ",\"time\":\"" + r.time() + "\"}";
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<AuditRecord> chain(BindingId binding, int length) {
        return chain(binding, length, AuditKeys.none());
    }

    private static List<AuditRecord> chain(BindingId binding, int length, AuditKeys keys) {
        AuditChain chain = new AuditChain(Clock.systemUTC(), keys);
        List<AuditRecord> records = new ArrayList<>();
        for (int i = 1; i <= length; i++) {
            records.add(chain.append(new AuditEntry(
                    binding,
                    "credrift-reconciler",
                    i % 2 == 0 ? "VAULT_WRITTEN" : "DRIFT_DETECTED",
                    "step " + i,
                    "remediation-1",
                    BEFORE,
                    AFTER)));
        }
        return records;
    }

    private static List<AuditRecord> interleaved(List<AuditRecord> a, List<AuditRecord> b) {
        List<AuditRecord> all = new ArrayList<>();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            if (i < a.size()) {
                all.add(a.get(i));
            }
            if (i < b.size()) {
                all.add(b.get(i));
            }
        }
        return all;
    }

    private static String createTopic(KafkaBroker kafka, String stem) throws Exception {
        String topic = kafka.uniqueName(stem);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        return topic;
    }

    private void produce(KafkaBroker kafka, String topic, List<AuditRecord> records) throws Exception {
        Map<String, Object> properties = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer())) {
            for (AuditRecord record : records) {
                KafkaRecord encoded = codec.encode(events.create(record));
                ProducerRecord<String, byte[]> kafkaRecord =
                        new ProducerRecord<>(topic, encoded.key(), encoded.value());
                encoded.headers().forEach((name, value) -> kafkaRecord.headers().add(name, value));
                producer.send(kafkaRecord).get(30, TimeUnit.SECONDS);
            }
        }
    }
}
