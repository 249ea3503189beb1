package dev.credrift.notifier.delivery;

import dev.credrift.notifier.config.SinkTimeouts;
import io.vertx.core.http.HttpClosedException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Why an attempt failed, as a stable code, the HTTP status if any, the sink's {@code Retry-After} if any
 * and a detail for people. Details are our own words: exception messages can quote URLs, and a
 * Slack webhook URL is a credential.
 *
 * @param httpStatus the status answered, or 0 when there was no answer
 * @param retryAfter how long the sink asked us to wait ({@code 429}/{@code 503} with {@code Retry-After}), or {@code null}
 */
public record DeliveryError(Code code, int httpStatus, Duration retryAfter, String detail) {

    /** Stable error codes, also used in {@code NotificationFailed.errorCode} and dead letters. */
    public enum Code {
        /** 4xx other than 408 and 429: the request itself is wrong (bad payload, revoked webhook). */
        HTTP_4XX(false),
        /** 408 Request Timeout. */
        HTTP_408(true),
        /** 429 Too Many Requests. */
        HTTP_429(true),
        /** 5xx. */
        HTTP_5XX(true),
        /** An answer that is neither success nor error (3xx: redirects are not followed, they would carry the signature elsewhere). */
        HTTP_UNEXPECTED(false),
        /** No answer within the request timeout, or no connection within the connect timeout. */
        TIMEOUT(true),
        /** Nobody listens at the URL's host and port. */
        CONNECTION_REFUSED(true),
        /** The connection closed before an answer came. */
        CONNECTION_CLOSED(true),
        /** The host name does not resolve. */
        UNKNOWN_HOST(true),
        /** TLS failed (untrusted certificate, name mismatch): waiting does not fix it. */
        TLS_FAILURE(false),
        /** Another I/O failure. */
        IO_ERROR(true),
        /** A bug of ours while preparing the message. */
        INTERNAL_ERROR(false);

        private final boolean retryable;

        Code(boolean retryable) {
            this.retryable = retryable;
        }

        /** Whether trying again may help. */
        public boolean retryable() {
            return retryable;
        }
    }

    /** Requires code and detail. */
    public DeliveryError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(detail, "detail");
    }

    /** Whether trying again may help. */
    public boolean retryable() {
        return code.retryable();
    }

    /** The error for a non-2xx answer. */
    public static DeliveryError ofStatus(int status, String retryAfterHeader, Instant now) {
        Duration retryAfter = status == 429 || status == 503
                ? RetryAfter.parse(retryAfterHeader, now).orElse(null)
                : null;
        Code code;
        if (status == 408) {
            code = Code.HTTP_408;
        } else if (status == 429) {
            code = Code.HTTP_429;
        } else if (status >= 500) {
            code = Code.HTTP_5XX;
        } else if (status >= 400) {
            code = Code.HTTP_4XX;
        } else {
            code = Code.HTTP_UNEXPECTED;
        }
        String detail = "the sink answered HTTP " + status
                + (retryAfter == null ? "" : " with Retry-After " + retryAfter.toSeconds() + " s");
        return new DeliveryError(code, status, retryAfter, detail);
    }

    /** The error for a failed request (no answer). */
    public static DeliveryError ofThrowable(Throwable failure, SinkTimeouts timeouts) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            // Netty's ConnectTimeoutException is a ConnectException: look for timeouts first
            if (t instanceof TimeoutException
                    || t instanceof SocketTimeoutException
                    || t.getClass().getSimpleName().equals("ConnectTimeoutException")) {
                return none(
                        Code.TIMEOUT,
                        "no answer within " + timeouts.request().toMillis() + " ms (connect timeout "
                                + timeouts.connect().toMillis() + " ms)");
            }
            if (t instanceof UnknownHostException) {
                return none(Code.UNKNOWN_HOST, "the sink's host name does not resolve");
            }
            if (t instanceof ConnectException) {
                return none(Code.CONNECTION_REFUSED, "connection refused");
            }
            if (t instanceof SSLException) {
                return none(Code.TLS_FAILURE, "TLS failed (" + t.getClass().getSimpleName() + ")");
            }
            if (t instanceof HttpClosedException || t instanceof ClosedChannelException) {
                return none(Code.CONNECTION_CLOSED, "the connection closed before an answer");
            }
        }
        if (failure instanceof IOException) {
            return none(
                    Code.CONNECTION_CLOSED,
                    "the connection failed (" + failure.getClass().getSimpleName() + ")");
        }
        return none(
                Code.IO_ERROR,
                "the request failed ("
                        + (failure == null ? "unknown" : failure.getClass().getSimpleName()) + ")");
    }

    private static DeliveryError none(Code code, String detail) {
        return new DeliveryError(code, 0, null, detail);
    }
}
