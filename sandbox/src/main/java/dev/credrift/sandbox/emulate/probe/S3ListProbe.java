package dev.credrift.sandbox.emulate.probe;

import dev.credrift.events.credential.Credential;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Lists at most one object of a bucket with a SigV4-signed GET, path style, over plain sockets: a raw socket lets
 * the probe present a server name other than the endpoint's host (SNI and certificate name check), which the JDK
 * HTTP client cannot. Thread-safe; a new connection per probe ({@code Connection: close}).
 */
public final class S3ListProbe implements StoreProbe {

    /** What the emulated consumers call themselves to the store, so it can tell their requests from credrift's. */
    public static final String USER_AGENT = "credrift-sandbox-consumer";

    private static final Pattern ERROR_CODE = Pattern.compile("<Code>([A-Za-z0-9.]+)</Code>");
    private static final int MAX_RESPONSE_BYTES = 64 * 1024;
    private static final String REGION = "us-east-1";

    private final URI endpoint;
    private final StoreTrust trust;
    private final Clock clock;
    private final int timeoutMillis;
    private final SSLContext sslContext;

    /**
     * @param endpoint the store, {@code http(s)://host:port}
     * @param trust    the CAs and server name for HTTPS (ignored for HTTP)
     * @param clock    for the request date: the store's own (wall) time, not an emulator's manual clock, or the
     *                 store answers {@code RequestTimeTooSkewed}
     * @param timeout  connect and read timeout
     */
    public S3ListProbe(URI endpoint, StoreTrust trust, Clock clock, Duration timeout) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        if (!"http".equals(endpoint.getScheme()) && !"https".equals(endpoint.getScheme())) {
            throw new IllegalArgumentException("store endpoint must be http or https: " + endpoint);
        }
        this.trust = Objects.requireNonNull(trust, "trust");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timeoutMillis = Math.toIntExact(timeout.toMillis());
        this.sslContext = isHttps() ? trust.sslContext() : null;
    }

    @Override
    public ProbeResult probe(Credential credential, String bucket) {
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(bucket, "bucket");
        String host = endpoint.getHost();
        int port = endpoint.getPort() > 0 ? endpoint.getPort() : isHttps() ? 443 : 80;
        String hostHeader = endpoint.getPort() > 0 ? host + ":" + port : host;
        String path = "/" + bucket;
        String query = "list-type=2&max-keys=1";
        SigV4.SignedHeaders signed = SigV4.sign(credential, "GET", hostHeader, path, query, REGION, clock.instant());
        String request = "GET " + path + "?" + query + " HTTP/1.1\r\n"
                + "Host: " + hostHeader + "\r\n"
                + "x-amz-date: " + signed.amzDate() + "\r\n"
                + "x-amz-content-sha256: " + signed.contentSha256() + "\r\n"
                + "Authorization: " + signed.authorization() + "\r\n"
                + "User-Agent: " + USER_AGENT + "\r\n"
                + "Connection: close\r\n\r\n";
        try (Socket socket = connect(host, port)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return interpret(readAll(socket.getInputStream()));
        } catch (SSLException e) {
            return tlsFailure(e);
        } catch (IOException e) {
            return new ProbeResult.Unreachable(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private Socket connect(String host, int port) throws IOException {
        Socket plain = new Socket();
        try {
            plain.connect(new InetSocketAddress(host, port), timeoutMillis);
            plain.setSoTimeout(timeoutMillis);
            if (!isHttps()) {
                return plain;
            }
            String peerName = trust.serverName().orElse(host);
            SSLSocket tls = (SSLSocket) sslContext.getSocketFactory().createSocket(plain, peerName, port, true);
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            if (!isIpLiteral(peerName)) {
                parameters.setServerNames(List.of(new SNIHostName(peerName)));
            }
            tls.setSSLParameters(parameters);
            tls.startHandshake();
            return tls;
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }

    private static ProbeResult interpret(byte[] response) {
        String text = new String(response, StandardCharsets.ISO_8859_1);
        int lineEnd = text.indexOf("\r\n");
        String statusLine = lineEnd < 0 ? text : text.substring(0, lineEnd);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            return new ProbeResult.Unreachable("not an HTTP answer");
        }
        int status;
        try {
            status = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            return new ProbeResult.Unreachable("not an HTTP status: " + parts[1]);
        }
        if (status / 100 == 2) {
            return new ProbeResult.Accepted();
        }
        Matcher code = ERROR_CODE.matcher(text);
        return new ProbeResult.Rejected(code.find() ? code.group(1) : "HTTP" + status, status);
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[4096];
        int read;
        while (buffer.size() < MAX_RESPONSE_BYTES && (read = in.read(chunk)) >= 0) {
            buffer.write(chunk, 0, read);
        }
        return buffer.toByteArray();
    }

    private static ProbeResult tlsFailure(SSLException e) {
        String detail = String.valueOf(e.getMessage());
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertificateExpiredException) {
                return new ProbeResult.TlsFailure(ProbeResult.TlsReason.EXPIRED, detail);
            }
            if (cause instanceof CertPathValidatorException validator
                    && validator.getReason() == CertPathValidatorException.BasicReason.EXPIRED) {
                return new ProbeResult.TlsFailure(ProbeResult.TlsReason.EXPIRED, detail);
            }
            String message = String.valueOf(cause.getMessage());
            if (message.contains("No subject alternative") || message.contains("No name matching")) {
                return new ProbeResult.TlsFailure(ProbeResult.TlsReason.NAME_MISMATCH, detail);
            }
            if (message.contains("unable to find valid certification path")
                    || message.contains("PKIX path building failed")) {
                return new ProbeResult.TlsFailure(ProbeResult.TlsReason.UNKNOWN_CA, detail);
            }
        }
        return new ProbeResult.TlsFailure(ProbeResult.TlsReason.OTHER, detail);
    }

    private boolean isHttps() {
        return "https".equals(endpoint.getScheme());
    }

    private static boolean isIpLiteral(String host) {
        return host.contains(":") || host.chars().allMatch(c -> c == '.' || Character.isDigit(c));
    }

    @Override
    public String toString() {
        return "S3ListProbe[" + endpoint + ", serverName=" + trust.serverName().orElse("(endpoint host)") + "]";
    }
}
