package dev.credrift.sandbox.s3;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.gaul.shaded.org.eclipse.jetty.http.HttpURI;
import org.gaul.shaded.org.eclipse.jetty.server.Handler;
import org.gaul.shaded.org.eclipse.jetty.server.Request;
import org.gaul.shaded.org.eclipse.jetty.server.Response;
import org.gaul.shaded.org.eclipse.jetty.util.Callback;

/**
 * Hands the request's session token ({@code X-Amz-Security-Token} header, or query parameter of a presigned URL) to
 * the identity map, which S3Proxy asks only about the access key: a Jetty handler around S3Proxy's servlet that keeps
 * the token in a thread-local while S3Proxy handles the request on the same thread. S3Proxy itself never reads it
 * (it is started with {@code ignoreUnknownHeaders}).
 */
final class SessionTokenCapture extends Handler.Wrapper {

    private static final ThreadLocal<Optional<String>> CURRENT = ThreadLocal.withInitial(Optional::empty);
    private static final String HEADER = "x-amz-security-token";
    private static final String QUERY = "X-Amz-Security-Token=";

    SessionTokenCapture(Handler handler) {
        super(handler);
    }

    /** The session token of the request being handled on this thread, if it carries one. */
    static Optional<String> current() {
        return CURRENT.get();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        CURRENT.set(token(request));
        try {
            return super.handle(request, response, callback);
        } finally {
            CURRENT.remove();
        }
    }

    private static Optional<String> token(Request request) {
        String header = request.getHeaders().get(HEADER);
        if (header != null) {
            return Optional.of(header);
        }
        HttpURI uri = request.getHttpURI();
        String query = uri == null ? null : uri.getQuery();
        if (query == null) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith(QUERY)) {
                return Optional.of(URLDecoder.decode(pair.substring(QUERY.length()), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }
}
