package dev.credrift.reconciler.journal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/** The journal record format: JSON, unknown fields ignored, times as RFC 3339 UTC. */
public final class JournalJson {

    private final ObjectMapper mapper;

    public JournalJson() {
        SimpleModule time = new SimpleModule("credrift-journal-time");
        time.addSerializer(Instant.class, new JsonSerializer<>() {
            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(value.toString());
            }
        });
        time.addDeserializer(Instant.class, new JsonDeserializer<>() {
            @Override
            public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                return Instant.parse(p.getValueAsString());
            }
        });
        mapper = JsonMapper.builder()
                .addModule(time)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .defaultPropertyInclusion(
                        JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
                .build();
    }

    public byte[] write(JournalEntry entry) {
        try {
            return mapper.writeValueAsBytes(entry);
        } catch (IOException e) {
            // our own records always serialize; reaching this is a bug in a journal type
            throw new IllegalStateException("cannot serialize the journal record of " + entry.bindingId(), e);
        }
    }

    /** The entry, or empty when the bytes are not a journal record this version can read. */
    public Optional<JournalEntry> read(byte[] json) {
        try {
            JournalEntry entry = mapper.readValue(json, JournalEntry.class);
            return entry == null || entry.v() > JournalEntry.VERSION ? Optional.empty() : Optional.of(entry);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
