package dev.credrift.app.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.credrift.events.CredriftEvent;
import dev.credrift.notifier.webhook.CloudEventJson;
import dev.credrift.sandbox.webhook.ReceivedRequest;
import dev.credrift.sandbox.webhook.WebhookSink;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

/**
 * {@code --out DIR}: {@code outcomes.jsonl} and {@code audit.jsonl} hold credrift's events as structured CloudEvents
 * (one JSON object per line, extension attribute {@code sandboxworld} naming the world); {@code notifications.jsonl}
 * holds what the Slack and webhook sinks received: sink, status, idempotency key, the body as sent (parsed, and raw
 * in {@code rawBody}) and, for signed sinks, the sink's own check of the signature ({@code signature: {scheme,
 * result: valid|invalid|absent, header}}). {@code audit.key} (owner-only) is the run's audit key, so that
 * {@code credrift audit verify --file DIR/audit.jsonl --audit-key DIR/audit.key} can check the keyed chains. Holds
 * fingerprints and masked key ids only, because that is all credrift ever sends. Each line is appended and flushed as
 * its record arrives, so the files can be followed ({@code tail -f}) while a world runs.
 */
final class JsonLinesOutput implements AutoCloseable {

    static final String OUTCOMES = "outcomes.jsonl";
    static final String AUDIT = "audit.jsonl";
    static final String NOTIFICATIONS = "notifications.jsonl";
    static final String AUDIT_KEY = "audit.key";

    private final ObjectMapper mapper = new ObjectMapper();
    private final CloudEventJson cloudEvents = new CloudEventJson();
    private final BufferedWriter outcomes;
    private final BufferedWriter audit;
    private final BufferedWriter notifications;

    JsonLinesOutput(Path directory, byte[] auditKey) {
        try {
            Files.createDirectories(directory);
            Path keyFile = directory.resolve(AUDIT_KEY);
            Files.deleteIfExists(keyFile);
            try {
                Files.createFile(
                        keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(keyFile);
            }
            Files.write(keyFile, auditKey);
            outcomes = Files.newBufferedWriter(directory.resolve(OUTCOMES), StandardCharsets.UTF_8);
            audit = Files.newBufferedWriter(directory.resolve(AUDIT), StandardCharsets.UTF_8);
            notifications = Files.newBufferedWriter(directory.resolve(NOTIFICATIONS), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write into " + directory + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@code next}, and each outcome and audit event appended to its file as it arrives — so under
     * {@code --keep-running} the files grow while the world runs.
     */
    OutcomeTap.Listener recording(String world, OutcomeTap.Listener next) {
        return new OutcomeTap.Listener() {
            @Override
            public void outcome(CredriftEvent event) {
                append(outcomes, () -> event(world, event));
                next.outcome(event);
            }

            @Override
            public void audit(CredriftEvent event) {
                append(audit, () -> event(world, event));
                next.audit(event);
            }
        };
    }

    /** Appends every request {@code sink} received, and each new one as it arrives. */
    void follow(String world, WebhookSink sink) {
        sink.onRequest(request -> append(notifications, () -> notification(world, request)));
    }

    /** Builds a line's JSON; reading an event back from its CloudEvent form may fail. */
    private interface Line {
        JsonNode build() throws IOException;
    }

    private synchronized void append(BufferedWriter writer, Line line) {
        try {
            line(writer, line.build());
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("writing --out files failed: " + e.getMessage(), e);
        }
    }

    private ObjectNode event(String world, CredriftEvent event) throws IOException {
        ObjectNode node = (ObjectNode) mapper.readTree(cloudEvents.write(event));
        node.put("sandboxworld", world);
        return node;
    }

    private ObjectNode notification(String world, ReceivedRequest request) {
        ObjectNode node = mapper.createObjectNode();
        node.put("sandboxworld", world);
        node.put("time", request.at().toString());
        node.put("sink", sinkOf(request.path()));
        node.put("kind", request.path().startsWith(CredriftInWorld.SLACK_PATH) ? "slack" : "webhook");
        request.header("webhook-id").ifPresent(id -> node.put("webhookId", id));
        request.header("webhook-timestamp").ifPresent(timestamp -> node.put("webhookTimestamp", timestamp));
        node.put("status", request.status());
        request.header("Idempotency-Key").ifPresent(key -> node.put("idempotencyKey", key));
        request.header("Content-Type").ifPresent(type -> node.put("contentType", type));
        request.signature().ifPresent(verdict -> {
            ObjectNode signature = node.putObject("signature");
            signature.put("scheme", verdict.scheme());
            signature.put("result", verdict.result().wireName());
            if (verdict.header() != null) {
                signature.put("header", verdict.header());
            }
            if (!verdict.reason().isEmpty()) {
                signature.put("reason", verdict.reason());
            }
        });
        JsonNode body;
        try {
            body = mapper.readTree(request.bodyText());
        } catch (IOException notJson) {
            body = mapper.getNodeFactory().textNode(request.bodyText());
        }
        node.set("body", body);
        // the bytes the signature covers: re-serialised JSON would not verify
        node.put("rawBody", request.bodyText());
        return node;
    }

    private static String sinkOf(String path) {
        Map<String, String> sinks = Map.of(
                CredriftInWorld.WEBHOOK_PATH,
                CredriftInWorld.WEBHOOK_SINK,
                CredriftInWorld.STANDARD_WEBHOOK_PATH,
                CredriftInWorld.STANDARD_WEBHOOK_SINK,
                CredriftInWorld.SLACK_PATH,
                CredriftInWorld.SLACK_SINK);
        return sinks.getOrDefault(path, "unknown");
    }

    private void line(BufferedWriter writer, JsonNode node) throws IOException {
        writer.write(mapper.writeValueAsString(node));
        writer.newLine();
    }

    @Override
    public synchronized void close() {
        for (BufferedWriter writer : List.of(outcomes, audit, notifications)) {
            try {
                writer.close();
            } catch (IOException ignored) {
                // closing after a successful flush cannot lose data
            }
        }
    }
}
