package dev.credrift.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.events.codec.KafkaRecord;
import io.vertx.kafka.client.producer.KafkaHeader;
import io.vertx.kafka.client.producer.KafkaProducerRecord;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class KafkaRecordsTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldKeepTheLastValueWhenAHeaderRepeats() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_id", bytes("first"));
        headers.add("ce_type", bytes("dev.credrift.observation"));
        headers.add("ce_id", bytes("second"));
        ConsumerRecord<String, byte[]> consumed = new ConsumerRecord<>(
                "credrift.observations",
                0,
                7L,
                0L,
                TimestampType.CREATE_TIME,
                0,
                0,
                "default/loki",
                bytes("{}"),
                headers,
                Optional.empty());

        KafkaRecord record = KafkaRecords.from(consumed);

        assertThat(record.key()).isEqualTo("default/loki");
        assertThat(record.value()).isEqualTo(bytes("{}"));
        assertThat(record.headerText("ce_id")).contains("second");
        assertThat(record.headers().keySet()).containsExactly("ce_id", "ce_type");
    }

    @Test
    void shouldCarryKeyHeadersInOrderAndValueWhenProducing() {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", bytes("1.0"));
        headers.put("ce_id", bytes("42"));
        KafkaRecord record = new KafkaRecord("default/loki", headers, bytes("{\"a\":1}"));

        KafkaProducerRecord<String, byte[]> out = KafkaRecords.toProducer("credrift.results", record);

        assertThat(out.topic()).isEqualTo("credrift.results");
        assertThat(out.key()).isEqualTo("default/loki");
        assertThat(out.value()).isEqualTo(bytes("{\"a\":1}"));
        List<KafkaHeader> sent = out.headers();
        assertThat(sent).extracting(KafkaHeader::key).containsExactly("ce_specversion", "ce_id");
        assertThat(sent.get(1).value().toString()).isEqualTo("42");
    }

    @Test
    void shouldLetOverridesWinOverTheDefaultsWhenMerging() {
        Map<String, String> merged = ProducerDefaults.overriddenBy(
                "credrift-watcher", Map.of("bootstrap.servers", "kafka:9092", "linger.ms", "5"));

        assertThat(merged)
                .containsEntry("acks", "all")
                .containsEntry("enable.idempotence", "true")
                .containsEntry("client.id", "credrift-watcher")
                .containsEntry("linger.ms", "5")
                .containsEntry("bootstrap.servers", "kafka:9092");
        assertThat(ProducerDefaults.forClient("credrift-notifier"))
                .containsEntry("client.id", "credrift-notifier")
                .containsEntry("delivery.timeout.ms", "30000");
    }
}
