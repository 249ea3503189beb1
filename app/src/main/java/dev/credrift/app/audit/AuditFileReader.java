package dev.credrift.app.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.credrift.events.codec.DecodeFailure;
import dev.credrift.events.codec.DecodeResult;
import dev.credrift.events.codec.Decoded;
import dev.credrift.events.codec.EventCodec;
import dev.credrift.events.codec.KafkaRecord;
import dev.credrift.events.payload.AuditRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an exported audit file: one structured-mode CloudEvent (JSON) per line, as {@code credrift sandbox --out}
 * writes {@code audit.jsonl}. Each line goes through the same decoder as a Kafka record (its attributes become the
 * {@code ce_*} headers, its {@code data} the value), so a file is held to the topic's contract. A file written by the
 * sandbox holds several worlds (extension attribute {@code sandboxworld}) whose bindings may share names: each world
 * is its own stream.
 */
public final class AuditFileReader {

    static final String WORLD = "sandboxworld";

    private static final Map<String, String> HEADERS = Map.of(
            "specversion",
            EventCodec.CE_SPECVERSION,
            "id",
            EventCodec.CE_ID,
            "source",
            EventCodec.CE_SOURCE,
            "type",
            EventCodec.CE_TYPE,
            "subject",
            EventCodec.CE_SUBJECT,
            "time",
            EventCodec.CE_TIME,
            "dataschema",
            EventCodec.CE_DATASCHEMA,
            "correlationid",
            EventCodec.CE_CORRELATIONID);

    private final ObjectMapper mapper = new ObjectMapper();
    private final EventCodec codec = new EventCodec();

    /**
     * One stream per world in the file (one stream if it names none), in the order worlds first appear.
     *
     * @throws AuditReadException if the file cannot be read
     */
    public List<AuditStream> read(Path file) {
        Map<String, Collected> worlds = new LinkedHashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                readLine(line, new AuditStream.Line(number), worlds);
            }
        } catch (IOException e) {
            throw new AuditReadException(
                    "cannot read " + file + " (" + e.getClass().getSimpleName() + ")", e);
        }
        if (worlds.isEmpty()) {
            worlds.put("", new Collected());
        }
        List<AuditStream> streams = new ArrayList<>();
        worlds.forEach((world, collected) -> streams.add(new AuditStream(
                "file " + file + (world.isEmpty() ? "" : " (world " + world + ")"),
                0,
                collected.records,
                collected.positions,
                collected.undecodable)));
        return streams;
    }

    private void readLine(String line, AuditStream.Line position, Map<String, Collected> worlds) {
        JsonNode event;
        try {
            event = mapper.readTree(line);
        } catch (JsonProcessingException e) {
            // the parser's message may quote the line: keep only where it broke
            worlds.computeIfAbsent("", w -> new Collected())
                    .undecodable
                    .add(new AuditStream.Undecodable(
                            position,
                            null,
                            "not JSON (column "
                                    + (e.getLocation() == null
                                            ? "?"
                                            : e.getLocation().getColumnNr()) + ")"));
            return;
        }
        String world = event.path(WORLD).asText("");
        Collected collected = worlds.computeIfAbsent(world, w -> new Collected());
        if (!event.isObject()) {
            collected.undecodable.add(new AuditStream.Undecodable(position, null, "not a JSON object"));
            return;
        }
        DecodeResult result = codec.decode(record(event));
        String subject =
                event.path("subject").isTextual() ? event.path("subject").asText() : null;
        if (result instanceof Decoded decoded && decoded.event().payload() instanceof AuditRecord audit) {
            collected.records.add(audit);
            collected.positions.add(position);
        } else if (result instanceof Decoded decoded) {
            collected.undecodable.add(new AuditStream.Undecodable(
                    position,
                    subject,
                    "not an audit record but " + decoded.event().type().typeName()));
        } else {
            DecodeFailure failure = (DecodeFailure) result;
            collected.undecodable.add(
                    new AuditStream.Undecodable(position, subject, failure.reason() + ": " + failure.detail()));
        }
    }

    // structured mode -> binary mode: the attributes become ce_ headers, data the value
    private KafkaRecord record(JsonNode event) {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        HEADERS.forEach((attribute, header) -> {
            JsonNode value = event.get(attribute);
            if (value != null && value.isValueNode()) {
                headers.put(header, value.asText().getBytes(StandardCharsets.UTF_8));
            }
        });
        JsonNode contentType = event.get("datacontenttype");
        headers.put(
                EventCodec.CONTENT_TYPE,
                (contentType == null ? EventCodec.APPLICATION_JSON : contentType.asText())
                        .getBytes(StandardCharsets.UTF_8));
        byte[] value;
        try {
            value = event.has("data") ? mapper.writeValueAsBytes(event.get("data")) : new byte[0];
        } catch (JsonProcessingException e) {
            value = new byte[0];
        }
        JsonNode subject = event.get("subject");
        return new KafkaRecord(subject == null ? null : subject.asText(), headers, value);
    }

    private static final class Collected {
        private final List<AuditRecord> records = new ArrayList<>();
        private final List<AuditStream.Position> positions = new ArrayList<>();
        private final List<AuditStream.Undecodable> undecodable = new ArrayList<>();
    }
}
