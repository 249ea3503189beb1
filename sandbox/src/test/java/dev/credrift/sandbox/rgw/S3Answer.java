package dev.credrift.sandbox.rgw;

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

// What a consumer sees: minio-java listing one object of a bucket with a GET; "OK" or the S3 error code.
final class S3Answer {

    static final String OK = "OK";

    private S3Answer() {
    }

    static String list(URI endpoint, Credential credential, String bucket) throws Exception {
        return list(endpoint, credential, bucket, null);
    }

    static String list(URI endpoint, Credential credential, String bucket, X509Certificate trustedCa)
            throws Exception {
        OkHttpClient.Builder http = new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool())
                .callTimeout(Duration.ofSeconds(10));
        if (trustedCa != null) {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", trustedCa);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            X509TrustManager trustManager = (X509TrustManager) factory.getTrustManagers()[0];
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new X509TrustManager[] {trustManager}, null);
            http.sslSocketFactory(context.getSocketFactory(), trustManager);
        }
        OkHttpClient client = http.build();
        MinioClient minio = MinioClient.builder()
                .endpoint(endpoint.toString())
                .region("us-east-1")
                .credentials(credential.accessKeyId(), credential.secret().reveal())
                .httpClient(client)
                .build();
        try {
            Iterator<Result<Item>> items =
                    minio.listObjects(ListObjectsArgs.builder().bucket(bucket).maxKeys(1).build()).iterator();
            if (items.hasNext()) {
                items.next().get();
            }
            return OK;
        } catch (ErrorResponseException e) {
            return e.errorResponse().code();
        } finally {
            client.connectionPool().evictAll();
        }
    }
}
