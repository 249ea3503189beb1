package dev.credrift.app.health;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * What one probe of an HTTP dependency (the Kubernetes API, 1Password Connect) means, free of I/O. Every reason names
 * the dependency and its URL; an answer of any status below 500 means the server is there (a 404 is an answer: "API
 * not served" is for a server that answered 404, never for one that could not be reached).
 */
public final class EndpointReadiness {

    private EndpointReadiness() {}

    /** The server answered with {@code status}. */
    public static Readiness fromStatus(String dependency, String url, int status, Instant checkedAt) {
        if (status == 401 || status == 403) {
            return new Readiness.NotReady(
                    dependency + " at " + url + " refused credrift's credentials (HTTP " + status + ")", checkedAt);
        }
        if (status >= 500) {
            return new Readiness.NotReady(dependency + " at " + url + " answered HTTP " + status, checkedAt);
        }
        return new Readiness.Ready(checkedAt);
    }

    /** No answer: {@code failure} as the client reported it (wrappers are looked through). */
    public static Readiness fromFailure(
            String dependency, String url, Throwable failure, Duration timeout, Instant checkedAt) {
        Throwable cause = unwrap(failure);
        if (cause instanceof TimeoutException) {
            return new Readiness.NotReady(
                    dependency + " at " + url + " did not answer within " + timeout.toSeconds() + "s", checkedAt);
        }
        return new Readiness.NotReady(dependency + " at " + url + " unreachable: " + describe(cause), checkedAt);
    }

    /**
     * The innermost exception's type and the first message found from the inside out, e.g. {@code ConnectException:
     * Connection refused}; when no exception in the chain has a message, the types from the outside in, e.g.
     * {@code ConnectException, caused by ClosedChannelException} (what the JDK HTTP client reports for a closed port).
     * HTTP clients wrap the cause in exceptions whose own message is null or generic, which alone says nothing.
     */
    static String describe(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        Throwable innermost = chain.get(chain.size() - 1);
        for (int i = chain.size() - 1; i >= 0; i--) {
            String message = chain.get(i).getMessage();
            if (message != null && !message.isBlank()) {
                return innermost.getClass().getSimpleName() + ": " + message;
            }
        }
        return String.join(
                ", caused by ",
                chain.stream().map(t -> t.getClass().getSimpleName()).toList());
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
