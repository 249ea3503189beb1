package dev.credrift.reconciler.probe;

import dev.credrift.reconciler.probe.ProbeVerdict.Rejected;
import dev.credrift.reconciler.probe.ProbeVerdict.TlsFailure;
import dev.credrift.reconciler.probe.ProbeVerdict.Unreachable;
import dev.credrift.reconciler.probe.tls.ServerCertificateRejected;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.InvalidResponseException;
import io.minio.errors.ServerException;
import java.io.EOFException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Turns a failed probe into a verdict by walking the exception's cause chain. Details are composed
 * here from facts (endpoint, certificate names and dates, status codes), not copied from foreign
 * messages, except short network and TLS messages, which pass through {@link SecretScrubber}.
 */
final class VerdictClassifier {

    private final ProbeTarget target;
    private final ProbeTimeouts timeouts;
    private final SecretScrubber scrubber;
    private final boolean tlsUnverified;

    VerdictClassifier(ProbeTarget target, ProbeTimeouts timeouts, SecretScrubber scrubber) {
        this.target = target;
        this.timeouts = timeouts;
        this.scrubber = scrubber;
        this.tlsUnverified = target.tlsUnverified();
    }

    ProbeVerdict classify(Throwable failure) {
        List<Throwable> chain = chain(failure);
        Optional<ServerCertificateRejected> refused = find(chain, ServerCertificateRejected.class);
        if (refused.isPresent()) {
            return certificateRefused(refused.get(), chain);
        }
        Optional<ErrorResponseException> s3Error = find(chain, ErrorResponseException.class);
        if (s3Error.isPresent()) {
            return rejected(s3Error.get());
        }
        Optional<SSLPeerUnverifiedException> unverified = find(chain, SSLPeerUnverifiedException.class);
        if (unverified.isPresent()) {
            return tls(
                    TlsFailure.Reason.HOSTNAME_MISMATCH,
                    "the TLS session with " + endpoint() + " was not established for the expected name");
        }
        Optional<SSLException> ssl = find(chain, SSLException.class);
        if (ssl.isPresent()) {
            return tls(TlsFailure.Reason.OTHER, "TLS with " + endpoint() + " failed: " + message(ssl.get()));
        }
        return unreachable(chain);
    }

    private ProbeVerdict rejected(ErrorResponseException e) {
        String code = e.errorResponse() == null || e.errorResponse().code() == null
                ? ""
                : e.errorResponse().code();
        int status = e.response() == null ? 0 : e.response().code();
        return new Rejected(Rejected.Reason.fromCode(code), scrubber.scrub(code), status, tlsUnverified);
    }

    private ProbeVerdict certificateRefused(ServerCertificateRejected refused, List<Throwable> chain) {
        String certificate = "the certificate of " + endpoint() + " (subject " + refused.subject() + ", issuer "
                + refused.issuer() + ")";
        if (refused.stage() == ServerCertificateRejected.Stage.NAME) {
            return tls(
                    TlsFailure.Reason.HOSTNAME_MISMATCH,
                    certificate + " names " + refused.subjectAltNames()
                            + " but not " + refused.expectedName()
                            + (target.tls().serverName().isPresent() ? " (store.tls.serverName)" : ""));
        }
        if (find(chain, CertificateExpiredException.class).isPresent()
                || hasValidatorReason(chain, CertPathValidatorException.BasicReason.EXPIRED)) {
            return tls(TlsFailure.Reason.EXPIRED, certificate + " expired at " + refused.notAfter());
        }
        if (find(chain, CertificateNotYetValidException.class).isPresent()
                || hasValidatorReason(chain, CertPathValidatorException.BasicReason.NOT_YET_VALID)) {
            return tls(TlsFailure.Reason.OTHER, certificate + " is not valid yet");
        }
        if (find(chain, CertPathBuilderException.class).isPresent()) {
            return tls(TlsFailure.Reason.UNKNOWN_CA, certificate + " is not signed by " + trustedCas());
        }
        Throwable root = chain.get(chain.size() - 1);
        return tls(TlsFailure.Reason.OTHER, certificate + " was refused: " + message(root));
    }

    private String trustedCas() {
        if (!target.tls().hasCustomCa()) {
            return "a CA of the JVM's default trust store (is store.tls.caConfigMap missing?)";
        }
        List<String> subjects = target.tls().trustedCas().stream()
                .map(X509Certificate::getSubjectX500Principal)
                .map(Object::toString)
                .toList();
        return "the binding's CA bundle " + subjects;
    }

    private ProbeVerdict unreachable(List<Throwable> chain) {
        if (Thread.currentThread().isInterrupted()
                || find(chain, InterruptedException.class).isPresent()) {
            Thread.currentThread().interrupt();
            return new Unreachable("the probe of " + endpoint() + " was interrupted", tlsUnverified);
        }
        Optional<ServerException> server = find(chain, ServerException.class);
        if (server.isPresent()) {
            return new Unreachable(
                    endpoint() + " answered HTTP " + server.get().statusCode()
                            + " (the store is failing, not judging the credential)",
                    tlsUnverified);
        }
        if (find(chain, InvalidResponseException.class).isPresent()) {
            return new Unreachable(
                    endpoint() + " did not answer as an S3 store (no S3 XML in the answer)", tlsUnverified);
        }
        if (find(chain, UnknownHostException.class).isPresent()) {
            return new Unreachable("cannot resolve " + target.endpoint().getHost(), tlsUnverified);
        }
        if (find(chain, SocketTimeoutException.class).isPresent()
                || find(chain, InterruptedIOException.class).isPresent()) {
            return new Unreachable(
                    "no answer from " + endpoint() + " in time (connect " + timeouts.connect() + ", read "
                            + timeouts.read() + ", whole probe " + timeouts.call() + ")",
                    tlsUnverified);
        }
        Optional<ConnectException> refused = find(chain, ConnectException.class);
        if (refused.isPresent() || find(chain, NoRouteToHostException.class).isPresent()) {
            return new Unreachable(
                    "cannot connect to " + endpoint() + ": "
                            + message(refused.isPresent() ? refused.get() : chain.get(chain.size() - 1)),
                    tlsUnverified);
        }
        Throwable root = chain.get(chain.size() - 1);
        if (!target.isHttps() && (root instanceof EOFException || root instanceof ProtocolException)) {
            return new Unreachable(
                    endpoint() + " did not answer plain HTTP (does the store want https://?): " + message(root),
                    tlsUnverified);
        }
        return new Unreachable("probe of " + endpoint() + " failed: " + message(root), tlsUnverified);
    }

    private TlsFailure tls(TlsFailure.Reason reason, String detail) {
        return new TlsFailure(reason, scrubber.scrub(detail), tlsUnverified);
    }

    private String endpoint() {
        return target.endpoint().toString();
    }

    private String message(Throwable t) {
        String text = t.getMessage() == null ? "" : ": " + t.getMessage();
        return scrubber.scrub(t.getClass().getSimpleName() + text);
    }

    private static boolean hasValidatorReason(List<Throwable> chain, CertPathValidatorException.Reason reason) {
        return chain.stream().anyMatch(t -> t instanceof CertPathValidatorException e && e.getReason() == reason);
    }

    private static <T extends Throwable> Optional<T> find(List<Throwable> chain, Class<T> type) {
        return chain.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    private static List<Throwable> chain(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
