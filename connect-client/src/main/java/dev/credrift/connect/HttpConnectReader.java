package dev.credrift.connect;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.credrift.events.payload.ProblemCode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * {@link ConnectReader} over the shared {@link ConnectHttp}: bearer token from a file (read again when it changes, and
 * after a 401 — the next poll uses it; a poll is not retried), the server's private CA trusted instead of the JDK's
 * roots, a time limit per request. Bodies are parsed without source snippets in parser messages, and no message ever
 * carries a body, a header or the token.
 */
public final class HttpConnectReader implements ConnectReader {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .disable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .build();
    private static final int BODY_MAX = 8 * 1024 * 1024;
    // what a poll is about is in its path; failures here are reported as typed answers, not as exceptions
    private static final ConnectTarget POLL = new ConnectTarget(null, null, null, null);

    private final ConnectHttp http;

    private HttpConnectReader(ConnectHttp http) {
        this.http = http;
    }

    /**
     * A reader for the Connect server of {@code config} (its read-back policy is not used).
     *
     * @throws InvalidConnectConfig when the CA bundle cannot be used (named, with what is wrong)
     */
    public static HttpConnectReader create(ConnectClientConfig config) {
        return new HttpConnectReader(ConnectHttp.create(config, Clock.systemUTC(), JSON));
    }

    @Override
    public ConnectAnswer get(String pathAndQuery) {
        ConnectHttp.Answer response;
        try {
            response = http.exchange("GET", pathAndQuery, null, POLL);
        } catch (ConnectException.TokenUnavailable e) {
            return new ConnectAnswer.Failed(
                    0, ProblemCode.FORBIDDEN, "Connect token file " + e.file() + " " + e.problem(), Optional.empty());
        } catch (ConnectException.Unreachable e) {
            // exception messages of the JDK client name the URI at most, never headers; only the type is passed on
            return new ConnectAnswer.Failed(
                    0,
                    ProblemCode.UNREACHABLE,
                    e.reason() == ConnectException.Unreachable.Reason.INTERRUPTED
                            ? "interrupted"
                            : "no answer (" + e.getCause().getClass().getSimpleName() + ")",
                    Optional.empty());
        }
        int status = response.status();
        if (status == 401) {
            reloadToken();
        }
        if (status / 100 != 2) {
            return new ConnectAnswer.Failed(
                    status,
                    code(status),
                    "HTTP " + status,
                    retryAfter(response.headers().firstValue("Retry-After")));
        }
        byte[] body = response.body();
        if (body == null || body.length > BODY_MAX) {
            return new ConnectAnswer.Failed(
                    status,
                    ProblemCode.UNREACHABLE,
                    "HTTP " + status + " with no body or one over " + BODY_MAX + " bytes",
                    Optional.empty());
        }
        try {
            return new ConnectAnswer.Ok(JSON.readTree(new ByteArrayInputStream(body)));
        } catch (IOException e) {
            // the parser's message could quote the body (which holds field values): never pass it on
            return new ConnectAnswer.Failed(
                    status,
                    ProblemCode.UNREACHABLE,
                    "HTTP " + status + " with a body that is not JSON",
                    Optional.empty());
        } finally {
            Arrays.fill(body, (byte) 0);
        }
    }

    // a 401 may mean the token was rotated within one mtime tick; a file that became unreadable is reported by
    // the next request
    private void reloadToken() {
        try {
            http.reloadToken();
        } catch (ConnectException.TokenUnavailable e) {
            // reported on the next request
        }
    }

    static ProblemCode code(int status) {
        return switch (status) {
            case 401, 403 -> ProblemCode.FORBIDDEN;
            case 404 -> ProblemCode.MISSING_OBJECT;
            default -> ProblemCode.UNREACHABLE;
        };
    }

    static Optional<Duration> retryAfter(Optional<String> header) {
        if (header.isEmpty()) {
            return Optional.empty();
        }
        try {
            long seconds = Long.parseLong(header.get().trim());
            return seconds >= 0 && seconds <= 3600 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
