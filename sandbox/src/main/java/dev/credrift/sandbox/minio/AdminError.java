package dev.credrift.sandbox.minio;

/**
 * An admin API error as MinIO answers it: an HTTP status and a JSON body with {@code Code} and {@code Message}
 * (the message names what is wrong, never a value).
 */
final class AdminError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    AdminError(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    String json(String resource) {
        return "{\"Code\":\"" + code + "\",\"Message\":\"" + escape(getMessage()) + "\",\"Resource\":\""
                + escape(resource) + "\",\"RequestId\":\"\",\"HostId\":\"\"}";
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
