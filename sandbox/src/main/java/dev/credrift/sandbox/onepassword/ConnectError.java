package dev.credrift.sandbox.onepassword;

// A failure answered as Connect's ErrorResponse {status, message}. Messages name ids and labels only.
final class ConnectError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    ConnectError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }

    static ConnectError badRequest(String message) {
        return new ConnectError(400, message);
    }

    static ConnectError vaultNotFound(String vaultId) {
        return new ConnectError(404, "vault " + vaultId + " not found");
    }

    static ConnectError itemNotFound(String itemId) {
        return new ConnectError(404, "item " + itemId + " not found");
    }
}
