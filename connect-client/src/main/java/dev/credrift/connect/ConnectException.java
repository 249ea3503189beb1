package dev.credrift.connect;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a 1Password Connect call failed, one subtype per thing a caller would do differently. Messages
 * name the vault, item, field and HTTP status; never a field value or the token. Server messages are
 * included only after every value the request carried has been blanked out.
 */
public abstract sealed class ConnectException extends RuntimeException
        permits ConnectException.Unauthorized,
                ConnectException.Forbidden,
                ConnectException.NotFound,
                ConnectException.Conflict,
                ConnectException.RateLimited,
                ConnectException.ServerError,
                ConnectException.BadRequest,
                ConnectException.Unreachable,
                ConnectException.InvalidResponse,
                ConnectException.Ambiguous,
                ConnectException.FieldProblem,
                ConnectException.NotVisible,
                ConnectException.TokenUnavailable {

    private static final long serialVersionUID = 1L;

    private final transient ConnectTarget target;
    private final int httpStatus;

    ConnectException(ConnectTarget target, int httpStatus, String message, Throwable cause) {
        super(message, cause);
        this.target = Objects.requireNonNull(target, "target");
        this.httpStatus = httpStatus;
    }

    /** The vault/item the call was about. */
    public ConnectTarget target() {
        return target;
    }

    /** The HTTP status the server answered, or 0 when there was no answer. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Whether trying again later may succeed without anyone changing anything. */
    public boolean retryable() {
        return false;
    }

    /** 401: the token is missing, expired or revoked (already re-read from its file once). */
    public static final class Unauthorized extends ConnectException {
        private static final long serialVersionUID = 1L;

        public Unauthorized(ConnectTarget target, String serverMessage) {
            super(target, 401, "1Password Connect refused the token for " + target.describe() + serverMessage, null);
        }
    }

    /** 403: the token has no access to the vault. */
    public static final class Forbidden extends ConnectException {
        private static final long serialVersionUID = 1L;

        public Forbidden(ConnectTarget target, String serverMessage) {
            super(target, 403, "1Password Connect token has no access to " + target.describe() + serverMessage, null);
        }
    }

    /** 404, or a search that found nothing: the vault or the item does not exist (for this token). */
    public static final class NotFound extends ConnectException {
        private static final long serialVersionUID = 1L;

        /** What is missing. */
        public enum Missing {
            VAULT,
            ITEM
        }

        private final Missing missing;

        public NotFound(ConnectTarget target, Missing missing, int httpStatus, String serverMessage) {
            super(
                    target,
                    httpStatus,
                    "1Password Connect: "
                            + (missing == Missing.VAULT
                                    ? ConnectTarget.vaultOf(target).describe()
                                    : target.describe()) + " not found" + serverMessage,
                    null);
            this.missing = missing;
        }

        /** Whether the vault or the item is missing. */
        public Missing missing() {
            return missing;
        }
    }

    /** 409: the item changed under us (or someone overwrote our write before it could be read back). */
    public static final class Conflict extends ConnectException {
        private static final long serialVersionUID = 1L;

        public Conflict(ConnectTarget target, int httpStatus, String detail) {
            super(
                    target,
                    httpStatus,
                    "1Password Connect: " + target.describe() + " changed concurrently" + detail,
                    null);
        }

        @Override
        public boolean retryable() {
            return true;
        }
    }

    /** 429: too many requests; {@link #retryAfter()} says when to come back, if the server said. */
    public static final class RateLimited extends ConnectException {
        private static final long serialVersionUID = 1L;

        private final transient Duration retryAfter;

        public RateLimited(ConnectTarget target, Duration retryAfter, String serverMessage) {
            super(
                    target,
                    429,
                    "1Password Connect rate-limited a call about " + target.describe()
                            + (retryAfter == null ? "" : " (retry after " + retryAfter.toSeconds() + " s)")
                            + serverMessage,
                    null);
            this.retryAfter = retryAfter;
        }

        /** The server's {@code Retry-After}, if any. */
        public Optional<Duration> retryAfter() {
            return Optional.ofNullable(retryAfter);
        }

        @Override
        public boolean retryable() {
            return true;
        }
    }

    /** 5xx: the Connect server (or its sync with 1Password) failed. */
    public static final class ServerError extends ConnectException {
        private static final long serialVersionUID = 1L;

        public ServerError(ConnectTarget target, int httpStatus, String serverMessage) {
            super(
                    target,
                    httpStatus,
                    "1Password Connect failed (" + httpStatus + ") on " + target.describe() + serverMessage,
                    null);
        }

        @Override
        public boolean retryable() {
            return true;
        }
    }

    /** 400: the server rejected the request (a bug on our side, or an item it cannot take). */
    public static final class BadRequest extends ConnectException {
        private static final long serialVersionUID = 1L;

        public BadRequest(ConnectTarget target, String serverMessage) {
            super(target, 400, "1Password Connect rejected a request about " + target.describe() + serverMessage, null);
        }
    }

    /** No answer: connection refused, timeout, TLS failure or I/O error; {@link #reason()} says which. */
    public static final class Unreachable extends ConnectException {
        private static final long serialVersionUID = 1L;

        /** Why there was no answer. */
        public enum Reason {
            CONNECTION_REFUSED,
            TIMEOUT,
            TLS_UNTRUSTED_CERTIFICATE,
            TLS_CERTIFICATE_EXPIRED,
            TLS_HOSTNAME_MISMATCH,
            TLS_HANDSHAKE_FAILED,
            IO_ERROR,
            INTERRUPTED
        }

        private final Reason reason;

        public Unreachable(ConnectTarget target, String server, Reason reason, Throwable cause) {
            super(
                    target,
                    0,
                    "1Password Connect at " + server + " unreachable (" + reason + ") for " + target.describe(),
                    cause);
            this.reason = reason;
        }

        /** Why there was no answer. */
        public Reason reason() {
            return reason;
        }

        @Override
        public boolean retryable() {
            return reason == Reason.CONNECTION_REFUSED || reason == Reason.TIMEOUT || reason == Reason.IO_ERROR;
        }
    }

    /** The answer did not have the shape the spec promises; {@link #field()} names what was wrong. */
    public static final class InvalidResponse extends ConnectException {
        private static final long serialVersionUID = 1L;

        private final String field;

        public InvalidResponse(ConnectTarget target, int httpStatus, String field, String problem) {
            super(
                    target,
                    httpStatus,
                    "1Password Connect answered " + httpStatus + " about " + target.describe()
                            + " with an invalid response: " + field + " " + problem,
                    null);
            this.field = field;
        }

        /** The offending part of the response, e.g. {@code fields[2].id} or {@code body}. */
        public String field() {
            return field;
        }
    }

    /** A name or title matched more than one vault or item, so there is no telling which is meant. */
    public static final class Ambiguous extends ConnectException {
        private static final long serialVersionUID = 1L;

        public Ambiguous(ConnectTarget target, int matches) {
            super(
                    target,
                    200,
                    "1Password Connect: " + matches + " matches for " + target.describe()
                            + "; titles and vault names must be unique for credrift",
                    null);
        }
    }

    /** An item's field cannot be used: missing, duplicated label, or an unusable value. */
    public static final class FieldProblem extends ConnectException {
        private static final long serialVersionUID = 1L;

        /** What is wrong with the field. */
        public enum Problem {
            MISSING,
            DUPLICATE_LABEL,
            EMPTY,
            MALFORMED
        }

        private final String label;
        private final Problem problem;

        public FieldProblem(ConnectTarget target, String label, Problem problem) {
            super(
                    target,
                    0,
                    "1Password " + target.describe() + ": field '" + label + "' "
                            + switch (problem) {
                                case MISSING -> "does not exist";
                                case DUPLICATE_LABEL -> "appears more than once";
                                case EMPTY -> "is empty";
                                case MALFORMED -> "does not hold a usable value";
                            },
                    null);
            this.label = label;
            this.problem = problem;
        }

        /** The field label. */
        public String label() {
            return label;
        }

        /** What is wrong with it. */
        public Problem problem() {
            return problem;
        }
    }

    /** A write succeeded but reads kept returning the old values for as long as we were willing to wait. */
    public static final class NotVisible extends ConnectException {
        private static final long serialVersionUID = 1L;

        private final int attempts;

        public NotVisible(
                ConnectTarget target, int writtenVersion, int lastSeenVersion, int attempts, Duration waited) {
            super(
                    target,
                    200,
                    "1Password Connect: the write of " + target.describe() + " (version " + writtenVersion
                            + ") was still not visible after " + attempts + " reads in " + waited.toMillis()
                            + " ms (last read version " + lastSeenVersion + ")",
                    null);
            this.attempts = attempts;
        }

        /** How many reads were made. */
        public int attempts() {
            return attempts;
        }

        @Override
        public boolean retryable() {
            return true;
        }
    }

    /** The token file is missing, unreadable or empty. */
    public static final class TokenUnavailable extends ConnectException {
        private static final long serialVersionUID = 1L;

        private final transient Path file;
        private final String problem;

        TokenUnavailable(Path file, String problem, Throwable cause) {
            super(
                    new ConnectTarget(null, null, null, null),
                    0,
                    "1Password Connect token file " + file + " " + problem,
                    cause);
            this.file = file;
            this.problem = problem;
        }

        /** The token file. */
        public Path file() {
            return file;
        }

        /** What is wrong with it, e.g. {@code does not exist}; never its content. */
        public String problem() {
            return problem;
        }
    }
}
