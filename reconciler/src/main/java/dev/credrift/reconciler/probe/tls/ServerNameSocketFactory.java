package dev.credrift.reconciler.probe.tls;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Opens TLS sockets as if the store were called {@code serverName}, whatever host the URL names: the
 * JDK then sends it as SNI and checks the certificate against it during the handshake (endpoint
 * identification "HTTPS", RFC 2818). That is {@code serverName} from the binding, or the URL's host.
 */
final class ServerNameSocketFactory extends SSLSocketFactory {

    private static final Pattern IP_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|.*:.*");

    private final SSLSocketFactory delegate;
    private final String serverName;
    private final boolean checkName;

    ServerNameSocketFactory(SSLSocketFactory delegate, String serverName, boolean checkName) {
        this.delegate = delegate;
        this.serverName = serverName;
        this.checkName = checkName;
    }

    @Override
    public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
        // the host given here becomes the session's peer host, which the JDK checks when no SNI is sent
        return configure(delegate.createSocket(socket, serverName, port, autoClose));
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return configure(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return configure(delegate.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return configure(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return configure(delegate.createSocket(address, port, localAddress, localPort));
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate.getSupportedCipherSuites();
    }

    private Socket configure(Socket socket) {
        if (socket instanceof SSLSocket ssl) {
            SSLParameters parameters = ssl.getSSLParameters();
            if (checkName) {
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
            }
            sniName().ifPresent(name -> parameters.setServerNames(List.of(name)));
            ssl.setSSLParameters(parameters);
        }
        return socket;
    }

    // SNI carries host names only, never IP literals
    private Optional<SNIHostName> sniName() {
        if (IP_LITERAL.matcher(serverName).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SNIHostName(serverName));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
