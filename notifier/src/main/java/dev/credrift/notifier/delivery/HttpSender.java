package dev.credrift.notifier.delivery;

import dev.credrift.notifier.config.SinkTarget;
import dev.credrift.notifier.webhook.IdempotencyKey;
import dev.credrift.notifier.webhook.SignatureScheme;
import dev.credrift.notifier.webhook.StandardWebhookSignature;
import dev.credrift.notifier.webhook.WebhookSignature;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Clock;
import java.util.Objects;

/**
 * One POST of a message to one sink, on the sink's own connection pool. Succeeds with the 2xx status or
 * fails with a {@link DeliveryFailure}. Webhooks are signed at each attempt.
 */
public final class HttpSender {

    static final String USER_AGENT = "credrift-notifier";

    private final SinkTarget target;
    private final Clock clock;
    private final WebClient client;

    /** A sender with its own client; {@link #close()} it. */
    public HttpSender(Vertx vertx, SinkTarget target, Clock clock) {
        this.target = Objects.requireNonNull(target, "target");
        this.clock = Objects.requireNonNull(clock, "clock");
        WebClientOptions options = new WebClientOptions()
                .setConnectTimeout((int) Math.min(
                        Integer.MAX_VALUE, target.config().timeouts().connect().toMillis()))
                .setKeepAlive(true)
                // a redirect would carry the signature and body somewhere we were not told to send them
                .setFollowRedirects(false)
                .setUserAgent(USER_AGENT);
        this.client = WebClient.create(
                vertx,
                options,
                new PoolOptions().setHttp1MaxSize(target.config().concurrency()));
    }

    /** Sends the message once. */
    public Future<Integer> post(OutgoingMessage message) {
        HttpRequest<Buffer> request;
        try {
            // reveal(): the URL leaves its wrapper only into the HTTP client
            request = client.requestAbs(HttpMethod.POST, target.url().reveal());
        } catch (RuntimeException e) {
            return Future.failedFuture(new DeliveryFailure(new DeliveryError(
                    DeliveryError.Code.INTERNAL_ERROR,
                    0,
                    null,
                    "the sink's URL was refused by the HTTP client ("
                            + e.getClass().getSimpleName() + ")")));
        }
        request.timeout(target.config().timeouts().request().toMillis())
                .putHeader("Content-Type", message.contentType())
                .putHeader(IdempotencyKey.HEADER, message.idempotencyKey());
        long now = clock.instant().getEpochSecond();
        target.signingKey().ifPresent(key -> {
            if (target.config().signature() == SignatureScheme.STANDARD_WEBHOOKS) {
                StandardWebhookSignature.headers(key, message.idempotencyKey(), now, message.body())
                        .forEach(request::putHeader);
            } else {
                request.putHeader(WebhookSignature.HEADER, WebhookSignature.header(key, now, message.body()));
            }
        });
        return request.sendBuffer(Buffer.buffer(message.body())).transform(answer -> {
            if (answer.failed()) {
                return Future.failedFuture(new DeliveryFailure(DeliveryError.ofThrowable(
                        answer.cause(), target.config().timeouts())));
            }
            int status = answer.result().statusCode();
            if (status >= 200 && status < 300) {
                return Future.succeededFuture(status);
            }
            return Future.failedFuture(new DeliveryFailure(
                    DeliveryError.ofStatus(status, answer.result().getHeader("Retry-After"), clock.instant())));
        });
    }

    /** Closes the connection pool. */
    public void close() {
        client.close();
    }
}
