package dev.credrift.kafka;

import java.util.HashMap;
import java.util.Map;

/**
 * How every credrift role produces: each acknowledged record is on all in-sync replicas and written once; a send fails
 * within 30 s so that the role's own retry (with backoff) takes over; a 1 ms linger batches a burst (a resync) without
 * delaying a single record noticeably. Keys are strings, values bytes (the codec's layout).
 */
public final class ProducerDefaults {

    private ProducerDefaults() {}

    /** The defaults, with {@code client.id} set to {@code clientId}. */
    public static Map<String, String> forClient(String clientId) {
        return Map.of(
                "key.serializer", "org.apache.kafka.common.serialization.StringSerializer",
                "value.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer",
                "acks", "all",
                "enable.idempotence", "true",
                "linger.ms", "1",
                "request.timeout.ms", "10000",
                "delivery.timeout.ms", "30000",
                "max.block.ms", "10000",
                "client.id", clientId);
    }

    /** The defaults for {@code clientId}, each overridden by {@code overrides} where it names the same setting. */
    public static Map<String, String> overriddenBy(String clientId, Map<String, String> overrides) {
        Map<String, String> merged = new HashMap<>(forClient(clientId));
        merged.putAll(overrides);
        return merged;
    }
}
