package dev.credrift.sandbox.rgw;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Whether an S3 endpoint answers HTTP at all (any status: an anonymous GET of {@code /} is enough), or a port listens. */
final class S3Ping {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private S3Ping() {}

    /**
     * @param trustedCa for {@code https}: the only CA to trust (the endpoint's certificate is checked, not skipped)
     */
    static boolean answers(URI endpoint, Optional<X509Certificate> trustedCa) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(TIMEOUT);
        if (trustedCa.isPresent()) {
            builder.sslContext(trusting(trustedCa.get()));
        }
        HttpClient client = builder.build();
        try {
            HttpResponse<Void> response = client.send(
                    HttpRequest.newBuilder(endpoint.resolve("/"))
                            .timeout(TIMEOUT)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() > 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Whether something accepts TCP connections on this loopback port. */
    static boolean listens(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), (int) TIMEOUT.toMillis());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static SSLContext trusting(X509Certificate ca) {
        try {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry("ca", ca);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a trust store for the test CA", e);
        }
    }
}
