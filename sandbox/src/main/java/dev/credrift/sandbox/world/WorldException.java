package dev.credrift.sandbox.world;

/** The world could not be started or an action could not be applied; the message names objects, never values. */
public final class WorldException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public WorldException(String message) {
        super(message);
    }

    public WorldException(String message, Throwable cause) {
        super(message, cause);
    }
}
