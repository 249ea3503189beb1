package dev.credrift.reconciler.resilience;

import dev.credrift.connect.ConnectException;
import dev.credrift.reconciler.cache.InformerReads;
import dev.credrift.reconciler.identity.StsUnavailable;
import dev.credrift.reconciler.minio.MinioAdminException;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** Which failures are worth another try (and count against a circuit breaker): the transient ones. */
public final class Transient {

    private Transient() {}

    /** The failure behind Vert.x and CompletionStage wrappers. */
    public static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    public static boolean kubernetes(Throwable failure) {
        Throwable t = unwrap(failure);
        if (t instanceof TimeoutException || t instanceof InformerReads.CacheNotReady) {
            return true;
        }
        if (t instanceof KubernetesClientException e) {
            int code = e.getCode();
            return code == 0 || code == 408 || code == 429 || code >= 500;
        }
        return t instanceof IOException || t.getCause() instanceof IOException;
    }

    public static boolean onePassword(Throwable failure) {
        Throwable t = unwrap(failure);
        return t instanceof TimeoutException || t instanceof ConnectException e && e.retryable();
    }

    /** The MinIO admin API: a call that overran its time limit, or MinIO unreachable or not ready. */
    public static boolean storeAdmin(Throwable failure) {
        Throwable t = unwrap(failure);
        return t instanceof TimeoutException || t instanceof MinioAdminException e && e.retryable();
    }

    /** STS: a refusal is an answer; no answer (throttling included) is worth another try after a backoff. */
    public static boolean sts(Throwable failure) {
        Throwable t = unwrap(failure);
        return t instanceof TimeoutException || t instanceof StsUnavailable;
    }

    // probe verdicts are answers, not failures: only a probe that overran its time limit is transient
    public static boolean store(Throwable failure) {
        return unwrap(failure) instanceof TimeoutException;
    }
}
