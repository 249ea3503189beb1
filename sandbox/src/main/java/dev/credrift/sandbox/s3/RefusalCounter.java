package dev.credrift.sandbox.s3;

import dev.credrift.sandbox.emulate.probe.S3ListProbe;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.gaul.shaded.org.eclipse.jetty.http.HttpURI;
import org.gaul.shaded.org.eclipse.jetty.server.Handler;
import org.gaul.shaded.org.eclipse.jetty.server.Request;
import org.gaul.shaded.org.eclipse.jetty.server.Response;
import org.gaul.shaded.org.eclipse.jetty.util.Callback;

/**
 * Counts the requests the store refused with 403, per store user: a Jetty handler around S3Proxy that reads the
 * access key from the request (SigV4 or SigV2, header or presigned query) and the status from the finished response.
 * S3Proxy decides {@code InvalidAccessKeyId} and {@code SignatureDoesNotMatch} itself, so only the response tells
 * every refusal.
 */
final class RefusalCounter extends Handler.Wrapper {

    private static final int FORBIDDEN = 403;

    private final RefusalTally tally;

    RefusalCounter(Handler handler, RefusalTally tally) {
        super(handler);
        this.tally = tally;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Optional<String> accessKey = accessKeyId(request);
        boolean byConsumer = Optional.ofNullable(request.getHeaders().get("User-Agent"))
                .filter(agent -> agent.startsWith(S3ListProbe.USER_AGENT))
                .isPresent();
        Callback counting = new Callback() {
            @Override
            public void succeeded() {
                count(response.getStatus(), accessKey, byConsumer);
                callback.succeeded();
            }

            @Override
            public void failed(Throwable failure) {
                count(response.getStatus(), accessKey, byConsumer);
                callback.failed(failure);
            }

            @Override
            public InvocationType getInvocationType() {
                return callback.getInvocationType();
            }
        };
        return super.handle(request, response, counting);
    }

    private void count(int status, Optional<String> accessKey, boolean byConsumer) {
        if (status != FORBIDDEN || accessKey.isEmpty()) {
            return;
        }
        tally.refused(accessKey.get(), byConsumer);
    }

    /** The access key a signed request names; empty for an anonymous one (not a user's refusal). */
    static Optional<String> accessKeyId(Request request) {
        String authorization = request.getHeaders().get("Authorization");
        if (authorization != null) {
            return fromAuthorization(authorization);
        }
        HttpURI uri = request.getHttpURI();
        return uri == null ? Optional.empty() : fromQuery(uri.getQuery());
    }

    static Optional<String> fromAuthorization(String authorization) {
        int credential = authorization.indexOf("Credential=");
        if (authorization.startsWith("AWS4-") && credential >= 0) {
            String rest = authorization.substring(credential + "Credential=".length());
            int slash = rest.indexOf('/');
            return slash > 0 ? Optional.of(rest.substring(0, slash)) : Optional.empty();
        }
        if (authorization.startsWith("AWS ")) {
            int colon = authorization.indexOf(':');
            return colon > 4 ? Optional.of(authorization.substring(4, colon)) : Optional.empty();
        }
        return Optional.empty();
    }

    static Optional<String> fromQuery(String query) {
        if (query == null) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String name = pair.substring(0, eq);
            String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (name.equals("X-Amz-Credential")) {
                int slash = value.indexOf('/');
                return slash > 0 ? Optional.of(value.substring(0, slash)) : Optional.empty();
            }
            if (name.equals("AWSAccessKeyId")) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
