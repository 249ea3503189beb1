package dev.credrift.sandbox.s3;

import dev.credrift.events.credential.Credential;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.Item;
import java.net.URI;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Iterator;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/** What a consumer sees: minio-java listing one object with a GET; {@code "OK"} or the S3 error code. */
public final class MinioProbe {

    public static final String OK = "OK";

    private MinioProbe() {}

    public static String list(URI endpoint, Credential credential, String bucket) throws Exception {
        return list(endpoint, credential, bucket, httpClient(null));
    }

    public static String list(URI endpoint, Credential credential, String bucket, X509Certificate trustedCa)
            throws Exception {
        return list(endpoint, credential, bucket, httpClient(trustedCa));
    }

    private static String list(URI endpoint, Credential credential, String bucket, OkHttpClient http) throws Exception {
        MinioClient client = MinioClient.builder()
                .endpoint(endpoint.toString())
                .region("us-east-1")
                .credentials(credential.accessKeyId(), credential.secret().reveal())
                .httpClient(http)
                .build();
        try {
            Iterator<Result<Item>> items = client.listObjects(
                            ListObjectsArgs.builder().bucket(bucket).maxKeys(1).build())
                    .iterator();
            if (items.hasNext()) {
                items.next().get();
            }
            return OK;
        } catch (ErrorResponseException e) {
            return e.errorResponse().code();
        } finally {
            http.connectionPool().evictAll();
        }
    }

    private static OkHttpClient httpClient(X509Certificate trustedCa) throws Exception {
        OkHttpClient.Builder builder =
                new OkHttpClient.Builder().connectionPool(new ConnectionPool()).callTimeout(Duration.ofSeconds(10));
        if (trustedCa != null) {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", trustedCa);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            X509TrustManager trustManager = (X509TrustManager) factory.getTrustManagers()[0];
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new X509TrustManager[] {trustManager}, null);
            builder.sslSocketFactory(context.getSocketFactory(), trustManager);
        }
        return builder.build();
    }
}
