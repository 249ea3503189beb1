package dev.credrift.events.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Kafka record without kafka-clients: key, ordered headers, value. Adapters in the roles convert
 * it to and from their client's record type (for repeated header names, keep the last, as Kafka's
 * {@code lastHeader} does). Arrays are not copied: do not mutate them.
 *
 * @param key     the record key, or {@code null}
 * @param headers header values by name, in order; copied into an unmodifiable map
 * @param value   the record value, or {@code null} (a tombstone)
 */
public record KafkaRecord(String key, Map<String, byte[]> headers, byte[] value) {

    /** Copies the header map, keeping its order. */
    public KafkaRecord {
        headers = headers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** A header's value as UTF-8 text, if present. */
    public Optional<String> headerText(String name) {
        byte[] bytes = headers.get(name);
        return bytes == null ? Optional.empty() : Optional.of(new String(bytes, StandardCharsets.UTF_8));
    }

    /** Compares arrays by content. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof KafkaRecord other)) {
            return false;
        }
        if (!Objects.equals(key, other.key)
                || !Arrays.equals(value, other.value)
                || headers.size() != other.headers.size()) {
            return false;
        }
        for (Map.Entry<String, byte[]> header : headers.entrySet()) {
            if (!other.headers.containsKey(header.getKey())
                    || !Arrays.equals(header.getValue(), other.headers.get(header.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = Objects.hash(key, headers.keySet()) * 31 + Arrays.hashCode(value);
        for (byte[] header : headers.values()) {
            hash = hash * 31 + Arrays.hashCode(header);
        }
        return hash;
    }

    /** Key, header names and sizes only: values may be large or (for foreign records) sensitive. */
    @Override
    public String toString() {
        return "KafkaRecord[key=" + key + ", headers=" + headers.keySet() + ", value="
                + (value == null ? "null" : value.length + " bytes") + "]";
    }
}
