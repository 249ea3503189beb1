package dev.credrift.reconciler.minio;

import dev.credrift.reconciler.probe.tls.ProbeTls;
import dev.credrift.reconciler.probe.tls.TlsClient;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The HTTP client of a store's admin API (MinIO's, RGW's Admin Ops): one attempt per call, no redirects, the store's
 * TLS trust. Shared by {@link MinioAdmin} and the rotation's RGW client.
 */
public final class StoreAdminHttp {

    private StoreAdminHttp() {}

    /** A client for {@code url}'s server; close it with {@link #close(OkHttpClient)}. */
    public static OkHttpClient client(HttpUrl url, ProbeTls tls, Duration timeout) {
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS))
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .writeTimeout(timeout)
                .callTimeout(timeout)
                // one attempt per call: callers retry deliberately (minting a key is not idempotent), and a redirect
                // would send the signed request elsewhere
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false);
        if (url.isHttps()) {
            TlsClient client = TlsClient.forStore(tls, url.host());
            builder.sslSocketFactory(client.socketFactory(), client.trustManager())
                    .hostnameVerifier(client.hostnameVerifier());
        }
        return builder.build();
    }

    /** Drops the client's connections and threads. */
    public static void close(OkHttpClient http) {
        http.connectionPool().evictAll();
        http.dispatcher().executorService().shutdown();
    }
}
