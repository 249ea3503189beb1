package dev.credrift.sandbox.onepassword;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

// The emulator's own Vert.x and HTTP(S) server on 127.0.0.1, and the blocking waits a test-facing API needs
// (tests call the emulator from their own threads, never from an event loop).
final class EmulatorServer {

    private EmulatorServer() {}

    // one event loop is plenty for a test server and keeps the footprint small
    static Vertx vertx() {
        return Vertx.vertx(
                new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1).setInternalBlockingPoolSize(1));
    }

    // Listens with the API as the only handler; HTTPS when a certificate chain is given. Closes vertx on failure.
    static HttpServer listen(Vertx vertx, ConnectApi api, int port, String certificateChainPem, String privateKeyPem) {
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create().setBodyLimit(1 << 20));
        router.route().handler(api);
        HttpServerOptions options = new HttpServerOptions().setHost("127.0.0.1").setPort(port);
        if (certificateChainPem != null) {
            options.setSsl(true)
                    .setKeyCertOptions(new PemKeyCertOptions()
                            .addCertValue(Buffer.buffer(certificateChainPem))
                            .addKeyValue(Buffer.buffer(privateKeyPem)));
        }
        HttpServer server = vertx.createHttpServer(options).requestHandler(router);
        try {
            await(server.listen());
        } catch (RuntimeException e) {
            vertx.close();
            throw e;
        }
        return server;
    }

    static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Connect emulator", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("1Password Connect emulator did not start or stop: " + e.getMessage(), e);
        }
    }
}
