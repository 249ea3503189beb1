package dev.credrift.sandbox.kube;

import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Requests the Kubernetes stand-in has served, by verb (as a real API server's audit log names them) and by the
 * client's {@code User-Agent}, so that a benchmark can tell credrift's requests from the emulators'.
 */
public final class RequestCounts {

    /** Kubernetes API verbs, plus discovery (API resource lists). */
    public enum Verb {
        GET,
        LIST,
        WATCH,
        CREATE,
        UPDATE,
        PATCH,
        DELETE,
        DISCOVERY
    }

    private static final String NO_AGENT = "";
    /**
     * {@code /api/v1/...} or {@code /apis/<group>/<version>/...}, then an optional namespace, the plural, an optional
     * name and an optional subresource.
     */
    private static final Pattern RESOURCE_PATH =
            Pattern.compile("^/(?:api/[^/]+|apis/[^/]+/[^/]+)(?:/namespaces/[^/]+)?/([^/]+)(?:/[^/]+(/[^/]+)?)?$");

    private final KubernetesAttributesExtractor paths = new KubernetesAttributesExtractor();
    private final Map<String, Map<Verb, LongAdder>> byAgent = new ConcurrentHashMap<>();
    private final Map<String, Map<String, LongAdder>> byResourceOfAgent = new ConcurrentHashMap<>();
    private final Map<Long, LongAdder> cpuByThread = new ConcurrentHashMap<>();

    RequestCounts() {}

    void count(RecordedRequest request) {
        String agent = request.getHeader("User-Agent");
        Verb verb = verb(request);
        if (verb != null) {
            byAgent.computeIfAbsent(agent == null ? NO_AGENT : agent, a -> {
                        Map<Verb, LongAdder> counts = new EnumMap<>(Verb.class);
                        for (Verb v : Verb.values()) {
                            counts.put(v, new LongAdder());
                        }
                        return counts;
                    })
                    .get(verb)
                    .increment();
            byResourceOfAgent
                    .computeIfAbsent(agent == null ? NO_AGENT : agent, a -> new ConcurrentHashMap<>())
                    .computeIfAbsent(verb + " " + resource(request.getPath()), k -> new LongAdder())
                    .increment();
        }
    }

    /**
     * What a request path concerns, without namespace and name: the plural and the subresource, e.g. {@code pods},
     * {@code credentialbindings/status}, {@code deployments}; the path itself (query dropped) when it is not an
     * object path (discovery, say).
     */
    static String resource(String path) {
        int query = path.indexOf('?');
        String bare = query >= 0 ? path.substring(0, query) : path;
        Matcher matcher = RESOURCE_PATH.matcher(bare);
        if (!matcher.matches()) {
            return bare;
        }
        return matcher.group(2) == null ? matcher.group(1) : matcher.group(1) + matcher.group(2);
    }

    private Verb verb(RecordedRequest request) {
        String path = request.getPath();
        return switch (request.method()) {
            case POST -> Verb.CREATE;
            case PUT -> Verb.UPDATE;
            case PATCH -> Verb.PATCH;
            case DELETE -> Verb.DELETE;
            case GET -> {
                if (isWatch(path)) {
                    yield Verb.WATCH;
                }
                if (IndexedCrudDispatcher.API_PATH.matcher(path).matches()) {
                    yield Verb.DISCOVERY;
                }
                yield paths.fromPath(path).containsKey(KubernetesAttributesExtractor.NAME) ? Verb.GET : Verb.LIST;
            }
            default -> null;
        };
    }

    /** Adds the CPU a request's handling took on the current thread. */
    void handled(long cpuNanos) {
        cpuByThread
                .computeIfAbsent(Thread.currentThread().getId(), id -> new LongAdder())
                .add(cpuNanos);
    }

    /**
     * CPU nanoseconds the stand-in spent handling requests, by the id of the thread that handled them: a benchmark
     * sharing the JVM subtracts it from the process's CPU.
     */
    public Map<Long, Long> cpuNanosByThread() {
        Map<Long, Long> copy = new HashMap<>();
        cpuByThread.forEach((thread, nanos) -> copy.put(thread, nanos.sum()));
        return copy;
    }

    static boolean isWatch(String path) {
        int query = path.indexOf('?');
        return query >= 0 && path.indexOf("watch=true", query) > 0;
    }

    /**
     * The requests so far of clients whose {@code User-Agent} starts with {@code agentPrefix}, by verb and
     * {@linkplain #resource resource}: {@code "PATCH deployments"}, {@code "GET credentialbindings"}, ... (only those
     * seen).
     */
    public Map<String, Long> byResource(String agentPrefix) {
        Map<String, Long> sum = new TreeMap<>();
        byResourceOfAgent.forEach((agent, counts) -> {
            if (agent.startsWith(agentPrefix)) {
                counts.forEach((key, count) -> sum.merge(key, count.sum(), Long::sum));
            }
        });
        return Collections.unmodifiableMap(sum);
    }

    /** Every client's requests so far, every verb present (zero if never seen). */
    public Map<Verb, Long> snapshot() {
        return snapshot("");
    }

    /** The requests so far of clients whose {@code User-Agent} starts with {@code agentPrefix}, by verb. */
    public Map<Verb, Long> snapshot(String agentPrefix) {
        Map<Verb, Long> sum = new EnumMap<>(Verb.class);
        for (Verb verb : Verb.values()) {
            sum.put(verb, 0L);
        }
        byAgent.forEach((agent, counts) -> {
            if (agent.startsWith(agentPrefix)) {
                counts.forEach((verb, count) -> sum.merge(verb, count.sum(), Long::sum));
            }
        });
        return Collections.unmodifiableMap(sum);
    }
}
