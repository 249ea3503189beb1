package dev.credrift.sandbox.kube.front;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One watch relayed from the mock's WebSocket to kubectl as the real server streams it: a chunked HTTP response of
 * newline-separated {@code WatchEvent}s, each passed through a transformation (conversion, field selector, Table)
 * that may drop it. A newline every few seconds finds out when kubectl has gone (whitespace between events is
 * skipped by client-go's JSON framer), so that the mock's watch is closed then.
 */
final class WatchRelay implements WebSocket.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(WatchRelay.class);
    private static final Duration HEARTBEAT = Duration.ofSeconds(5);
    private static final String CLOSED = "";

    private final ObjectMapper json;
    private final Function<JsonNode, Optional<JsonNode>> transform;
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();

    WatchRelay(ObjectMapper json, Function<JsonNode, Optional<JsonNode>> transform) {
        this.json = json;
        this.transform = transform;
    }

    /**
     * Relays until the mock ends the watch, kubectl goes away or {@code timeout} (kubectl's {@code timeoutSeconds})
     * passes.
     */
    void relay(Upstream upstream, String pathAndQuery, OutputStream out, Optional<Duration> timeout)
            throws IOException, InterruptedException {
        WebSocket socket;
        try {
            socket = upstream.watch(pathAndQuery, this).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("the mock did not open the watch " + pathAndQuery + ": " + e, e);
        }
        Instant end = timeout.map(t -> Instant.now().plus(t)).orElse(Instant.MAX);
        try {
            while (Instant.now().isBefore(end)) {
                String event = events.poll(HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
                if (CLOSED.equals(event)) {
                    return;
                }
                if (event == null) {
                    out.write('\n');
                } else {
                    Optional<JsonNode> relayed = transform.apply(json.readTree(event));
                    if (relayed.isEmpty()) {
                        continue;
                    }
                    out.write(json.writeValueAsBytes(relayed.get()));
                    out.write('\n');
                }
                out.flush();
            }
        } catch (IOException e) {
            LOG.debug("watch {} ended: {}", pathAndQuery, e.toString());
        } finally {
            socket.abort();
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String event = partial.toString();
            partial.setLength(0);
            if (!event.isBlank()) {
                events.add(event);
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        events.add(CLOSED);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        LOG.debug("watch socket failed", error);
        events.add(CLOSED);
    }
}
