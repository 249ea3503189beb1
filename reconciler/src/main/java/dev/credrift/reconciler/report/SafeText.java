package dev.credrift.reconciler.report;

import dev.credrift.connect.ConnectException;
import dev.credrift.reconciler.cache.InformerReads;
import dev.credrift.reconciler.minio.MinioAdminException;
import dev.credrift.reconciler.probe.InvalidProbeSettings;
import dev.credrift.reconciler.resilience.Transient;
import dev.credrift.reconciler.rotate.rgw.RgwAdminException;
import dev.credrift.reconciler.world.KubeGateway;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

/**
 * A failure described for status, Events, outcomes and logs without its raw message: third-party messages may echo
 * a request or response body. Only credrift's own exception types, whose messages are built to name objects and
 * fields but never values, are quoted.
 */
public final class SafeText {

    private SafeText() {}

    public static String of(Throwable failure) {
        Throwable t = Transient.unwrap(failure);
        if (t instanceof ConnectException
                || t instanceof InvalidProbeSettings
                || t instanceof KubeGateway.MissingObject
                || t instanceof MinioAdminException
                || t instanceof RgwAdminException
                || t instanceof InformerReads.CacheNotReady) {
            return t.getMessage();
        }
        if (t instanceof KubernetesClientException e) {
            String reason = e.getStatus() == null || e.getStatus().getReason() == null
                    ? ""
                    : " " + e.getStatus().getReason();
            return "the Kubernetes API answered "
                    + (e.getCode() == 0 ? "nothing (connection failed)" : "HTTP " + e.getCode() + reason);
        }
        if (t instanceof CallNotPermittedException) {
            return "the circuit breaker is open after repeated failures; calls resume after a pause";
        }
        if (t instanceof TimeoutException) {
            return "the call took longer than its time limit";
        }
        return "unexpected " + t.getClass().getSimpleName();
    }

    /** A stable UPPER_SNAKE code for a failure, for outcome events. */
    public static String code(Throwable failure) {
        Throwable t = Transient.unwrap(failure);
        if (t instanceof ConnectException) {
            return "VAULT_" + upper(t.getClass().getSimpleName());
        }
        if (t instanceof MinioAdminException e) {
            return "STORE_ADMIN_" + e.kind().name();
        }
        if (t instanceof RgwAdminException e) {
            return "STORE_ADMIN_" + e.kind().name();
        }
        if (t instanceof InformerReads.CacheNotReady) {
            return "CACHE_NOT_READY";
        }
        if (t instanceof KubernetesClientException) {
            return "KUBERNETES_API_ERROR";
        }
        if (t instanceof CallNotPermittedException) {
            return "CIRCUIT_OPEN";
        }
        if (t instanceof TimeoutException) {
            return "TIMED_OUT";
        }
        if (t instanceof KubeGateway.MissingObject) {
            return "MISSING_OBJECT";
        }
        return "INTERNAL_ERROR";
    }

    /** At most {@code max} characters (outcome details take 1000), cut with an ellipsis. */
    public static String clip(String text, int max) {
        if (text == null || text.isEmpty()) {
            return "-";
        }
        return text.codePointCount(0, text.length()) <= max
                ? text
                : text.substring(0, text.offsetByCodePoints(0, max - 1)) + "\u2026";
    }

    /** {@link #clip(String, int)} to the 1000 characters an outcome detail takes. */
    public static String clip(String text) {
        return clip(text, 1000);
    }

    private static String upper(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }
}
