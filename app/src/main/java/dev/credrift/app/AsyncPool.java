package dev.credrift.app;

import java.util.Optional;

/**
 * Sizes the JVM's common pool before anything uses it. On a machine (or pod) with 2 CPUs or fewer the common pool
 * gets parallelism 1, and then {@code CompletableFuture} runs every async stage without an executor on a new thread.
 * The JDK HTTP client under fabric8 hops every response of {@code sendAsync} onto exactly that default executor
 * (JDK 17 {@code HttpClientImpl.sendAsync}, whatever executor the client itself was given), so each Kubernetes API
 * response started a thread: 137,000 in one 100-binding run (issue 13). With parallelism 2 or more the hop runs on
 * the common pool's reused threads. An explicit {@value #PROPERTY} is left alone.
 */
public final class AsyncPool {

    static final String PROPERTY = "java.util.concurrent.ForkJoinPool.common.parallelism";
    /** The JDK uses its common pool for async stages only from this parallelism on. */
    static final int MIN_PARALLELISM = 2;

    private AsyncPool() {}

    /** Must run first thing in {@code main}: the common pool reads the property once, when first used. */
    public static void size() {
        parallelism(
                        Optional.ofNullable(System.getProperty(PROPERTY)),
                        Runtime.getRuntime().availableProcessors())
                .ifPresent(value -> System.setProperty(PROPERTY, value));
    }

    /** The parallelism to set, if any: none when configured; else one less than the CPUs, but at least 2. */
    static Optional<String> parallelism(Optional<String> configured, int processors) {
        if (configured.isPresent()) {
            return Optional.empty();
        }
        return Optional.of(Integer.toString(Math.max(MIN_PARALLELISM, processors - 1)));
    }
}
