package dev.credrift.sandbox.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One request the sink received, with everything a receiver would see. Unlike the other stand-ins'
 * logs this keeps headers and body: checking what a notifier sends (and that no secret is in it) is
 * what the sink is for.
 *
 * @param headers header values by name, case-insensitive, in arrival order per name
 * @param status  the status answered, or {@code 0} when the sink hung or dropped the connection
 * @param signatureVerdict what the sink made of the signature, on paths where it expects one; else {@code null}
 */
public record ReceivedRequest(
        Instant at,
        String method,
        String path,
        Map<String, List<String>> headers,
        byte[] body,
        int status,
        SignatureVerdict signatureVerdict) {

    /** Copies the headers into an unmodifiable case-insensitive map. */
    public ReceivedRequest {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        headers = Collections.unmodifiableMap(copy);
        body = body.clone();
    }

    /** The signature check, if the sink expects a signature on this path ({@link WebhookSink#expectSignature}). */
    public Optional<SignatureVerdict> signature() {
        return Optional.ofNullable(signatureVerdict);
    }

    /** The first value of a header, if present. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** A copy of the raw body (signatures are computed over these bytes). */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** Whether the sink answered with a 2xx status. */
    public boolean accepted() {
        return status >= 200 && status < 300;
    }

    /** Method, path and status only: bodies are large. */
    @Override
    public String toString() {
        return "ReceivedRequest[" + method + " " + path + " -> " + status + ", " + body.length + " bytes]";
    }
}
