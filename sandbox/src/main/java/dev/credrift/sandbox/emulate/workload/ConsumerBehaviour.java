package dev.credrift.sandbox.emulate.workload;

import java.util.Map;
import java.util.Optional;

/**
 * How an emulated consumer uses its S3 credential, read from annotations on the workload itself, each overridden
 * by the same annotation on the pod (its template):
 * <ul>
 *   <li>{@code sandbox.credrift.dev/probe-bucket: loki-chunks} — the bucket the pod lists to be ready; without it
 *       a started pod is simply ready;</li>
 *   <li>{@code sandbox.credrift.dev/on-auth-failure: NotReady | CrashLoop} — Loki stays running but unready
 *       (default), Tempo exits and is restarted with back-off;</li>
 *   <li>{@code sandbox.credrift.dev/access-key-id: env:AWS_ACCESS_KEY_ID} and
 *       {@code sandbox.credrift.dev/secret-access-key: env:AWS_SECRET_ACCESS_KEY} (the defaults) — where the process
 *       finds its credential: an env var ({@code env:NAME}) or a mounted file ({@code file:/path}).</li>
 * </ul>
 *
 * @param probeBucket     the bucket to list, if the pod probes the store
 * @param onAuthFailure   what a refused credential does to the pod
 * @param accessKeyIdFrom where the access key id comes from ({@code env:…} or {@code file:…})
 * @param secretFrom      where the secret access key comes from
 */
public record ConsumerBehaviour(
        Optional<String> probeBucket, OnAuthFailure onAuthFailure, String accessKeyIdFrom, String secretFrom) {

    /** The annotation prefix. */
    public static final String PREFIX = "sandbox.credrift.dev/";
    /** Annotation: the bucket to probe. */
    public static final String PROBE_BUCKET = PREFIX + "probe-bucket";
    /** Annotation: {@code NotReady} or {@code CrashLoop}. */
    public static final String ON_AUTH_FAILURE = PREFIX + "on-auth-failure";
    /** Annotation: where the access key id is read from. */
    public static final String ACCESS_KEY_ID = PREFIX + "access-key-id";
    /** Annotation: where the secret access key is read from. */
    public static final String SECRET_ACCESS_KEY = PREFIX + "secret-access-key";

    /** What a refused credential does. */
    public enum OnAuthFailure {
        /** The container keeps running; the readiness probe fails (Loki). */
        NOT_READY,
        /** The process exits; the kubelet restarts it with back-off (Tempo). */
        CRASH_LOOP
    }

    /** No probe: ready when started. */
    public static final ConsumerBehaviour NO_PROBE = new ConsumerBehaviour(
            Optional.empty(), OnAuthFailure.NOT_READY, "env:AWS_ACCESS_KEY_ID", "env:AWS_SECRET_ACCESS_KEY");

    /**
     * Reads the behaviour from {@code annotations}.
     *
     * @throws IllegalArgumentException naming the annotation when a value is not understood
     */
    public static ConsumerBehaviour from(Map<String, String> annotations) {
        Map<String, String> a = annotations == null ? Map.of() : annotations;
        String failure = a.getOrDefault(ON_AUTH_FAILURE, "NotReady");
        OnAuthFailure onFailure = switch (failure) {
            case "NotReady" -> OnAuthFailure.NOT_READY;
            case "CrashLoop" -> OnAuthFailure.CRASH_LOOP;
            default ->
                throw new IllegalArgumentException(
                        "annotation " + ON_AUTH_FAILURE + " must be NotReady or CrashLoop, got '" + failure + "'");
        };
        return new ConsumerBehaviour(
                Optional.ofNullable(a.get(PROBE_BUCKET)).filter(s -> !s.isBlank()),
                onFailure,
                source(a, ACCESS_KEY_ID, "env:AWS_ACCESS_KEY_ID"),
                source(a, SECRET_ACCESS_KEY, "env:AWS_SECRET_ACCESS_KEY"));
    }

    private static String source(Map<String, String> annotations, String annotation, String fallback) {
        String value = annotations.getOrDefault(annotation, fallback);
        if (!value.startsWith("env:") && !value.startsWith("file:")) {
            throw new IllegalArgumentException(
                    "annotation " + annotation + " must be env:NAME or file:/path, got '" + value + "'");
        }
        return value;
    }
}
