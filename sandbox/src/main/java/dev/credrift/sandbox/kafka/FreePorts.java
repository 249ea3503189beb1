package dev.credrift.sandbox.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Picks a port that is free on one address right now. Someone else may take it before the caller
 * binds it, so callers must be ready to pick again.
 */
public final class FreePorts {

    private FreePorts() {}

    /** A port free on {@code address} (e.g. {@code 127.0.0.1}) at the time of the call. */
    public static int pick(String address) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(address))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + address, e);
        }
    }
}
