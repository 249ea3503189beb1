package dev.credrift.app.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.credrift.app.run.InProcess;
import dev.credrift.app.run.RunningCredrift;
import dev.credrift.events.BindingId;
import dev.credrift.events.CredriftEvent;
import dev.credrift.events.EventFactory;
import dev.credrift.events.Topic;
import dev.credrift.events.Topics;
import dev.credrift.events.codec.EventCodec;
import dev.credrift.events.codec.KafkaRecord;
import dev.credrift.events.payload.ResyncRequested;
import dev.credrift.sandbox.kafka.KafkaBroker;
import dev.credrift.sandbox.kafka.KafkaBrokerExtension;
import dev.credrift.sandbox.kafka.RecordProducer;
import io.vertx.core.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An independent Kafka client — kcat, built on librdkafka, not on the Java client — reads a record that credrift's
 * codec encoded and a Kafka producer wrote to a topic credrift created, and sees the CloudEvents binary-mode headers
 * and the JSON body. Skipped where neither {@code kcat} nor {@code kafkacat} is on the PATH (Debian: {@code kafkacat}).
 */
@ExtendWith(KafkaBrokerExtension.class)
class KcatReadsCredriftRecordIT {

    private static final Duration KCAT_TIMEOUT = Duration.ofSeconds(30);

    @Test
    void shouldShowCloudEventHeadersAndJsonBodyWhenKcatConsumesCredriftRecord(KafkaBroker kafka) throws Exception {
        Optional<Path> kcat = onPath("kcat").or(() -> onPath("kafkacat"));
        assumeTrue(kcat.isPresent(), "neither kcat nor kafkacat is on the PATH (apt-get install kafkacat)");
        String prefix = kafka.uniqueName("kcat");
        CredriftEvent event = EventFactory.system(URI.create("urn:credrift:watcher"))
                .create(
                        new ResyncRequested(BindingId.of("monitoring", "loki-s3"), ResyncRequested.Reason.PERIODIC),
                        "corr-42");
        KafkaRecord record = new EventCodec().encode(event);

        try (RunningCredrift running = InProcess.start(
                "--http-host",
                "127.0.0.1",
                "--http-port",
                "0",
                "--kafka",
                kafka.bootstrapServers(),
                "--topic-prefix",
                prefix)) {
            String topic = Topics.withPrefix(prefix).name(Topic.OBSERVATIONS);
            RecordProducer.produce(running.bootstrapServers().value(), topic, record);

            Map<String, String> consumed =
                    consumeOneWithKcat(kcat.get(), running.bootstrapServers().value(), topic);

            assertThat(consumed.get("key")).isEqualTo("monitoring/loki-s3");
            assertThat(consumed.get("headers"))
                    .contains("ce_specversion=1.0")
                    .contains("ce_id=" + event.id())
                    .contains("ce_source=urn:credrift:watcher")
                    .contains("ce_type=" + event.type().typeName())
                    .contains("ce_subject=monitoring/loki-s3")
                    .contains("ce_correlationid=corr-42")
                    .contains("content-type=application/json");
            JsonObject body = new JsonObject(consumed.get("value"));
            assertThat(body.getString("bindingId")).isEqualTo("monitoring/loki-s3");
            assertThat(body.getString("reason")).isEqualTo("PERIODIC");
        }
    }

    /** Runs kcat once; its output is three labelled lines: key, headers (name=value,...) and value. */
    private static Map<String, String> consumeOneWithKcat(Path kcat, String bootstrap, String topic)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder(
                        kcat.toString(),
                        "-C",
                        "-b",
                        bootstrap,
                        "-t",
                        topic,
                        "-o",
                        "beginning",
                        "-c",
                        "1",
                        "-e",
                        "-q",
                        "-f",
                        "key=%k\\nheaders=%h\\nvalue=%s\\n")
                .redirectErrorStream(false)
                .start();
        boolean finished = process.waitFor(KCAT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(finished)
                .as("kcat finished within %s; stderr: %s", KCAT_TIMEOUT, err)
                .isTrue();
        assertThat(process.exitValue()).as("kcat exit code; stderr: %s", err).isZero();
        Map<String, String> lines = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0 && !lines.containsKey(line.substring(0, equals))) {
                lines.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        assertThat(lines).as("kcat output: %s; stderr: %s", out, err).containsKeys("key", "headers", "value");
        return lines;
    }

    private static Optional<Path> onPath(String command) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Arrays.stream(path.split(File.pathSeparator))
                .filter(directory -> !directory.isBlank())
                .map(directory -> Path.of(directory, command))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
