package dev.credrift.sandbox.s3;

import dev.credrift.sandbox.tls.ServerCertificate;
import java.util.Objects;

/** Options of an {@link S3StoreStandIn}: address, port, HTTPS. */
public final class S3StoreStandInBuilder {
    private String host = "127.0.0.1";
    private int port;
    private ServerCertificate certificate;

    S3StoreStandInBuilder() {}

    /** The address to listen on (default 127.0.0.1; never a public interface in tests). */
    public S3StoreStandInBuilder host(String host) {
        this.host = Objects.requireNonNull(host, "host");
        return this;
    }

    /** The port to listen on; 0 (default) picks a free one. */
    public S3StoreStandInBuilder port(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("S3 stand-in port: must be 0..65535, got " + port);
        }
        this.port = port;
        return this;
    }

    /** Serve HTTPS (only) with this certificate. */
    public S3StoreStandInBuilder https(ServerCertificate certificate) {
        this.certificate = Objects.requireNonNull(certificate, "certificate");
        return this;
    }

    /** Starts the store. */
    public S3StoreStandIn start() {
        S3StoreStandIn store = new S3StoreStandIn(host, port, certificate);
        store.startProxy();
        return store;
    }
}
