package dev.credrift.sandbox.kube;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesResponseComposer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.HttpURLConnection;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Lock;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * fabric8's CRUD dispatcher with its store indexed by kind, namespace and name: a get, list or delete examines only
 * the objects of its kind (and namespace, and name), where fabric8's own scans every stored object on every request —
 * 65–77 % of the CPU of a 100–300-binding world went there (issue 13), so scale numbers measured the stand-in.
 *
 * <p>Everything else is fabric8's: the store ({@code map}), the create / update / patch handlers, watches, CRD
 * discovery, label and field selectors (still evaluated by {@link AttributeSet#matches}, on the candidates the index
 * names). Lists keep the store's order (insertion order; an update moves an object to the end). Reads and writes take
 * fabric8's own read and write locks, captured once through its {@link #locked} hook, so that they exclude each other
 * exactly as before. Opening a watch still lists through fabric8's scan (once per watch, not per request).
 */
final class IndexedCrudDispatcher extends KubernetesCrudDispatcher {

    /** What fabric8 answers with API resources rather than objects (its CustomResourceDefinitionProcessor). */
    static final Pattern API_PATH = Pattern.compile("/apis(/([a-zA-Z0-9-_.]+))?(/([a-zA-Z0-9-_]+))");

    private final StoreIndex index = new StoreIndex();
    private final AtomicLong latestResourceVersion = new AtomicLong();
    private final LongAdder examined = new LongAdder();
    private Lock capturedLock;
    private final Lock readLock;
    private final Lock writeLock;

    IndexedCrudDispatcher() {
        // fabric8 takes its locks privately and reports each one to locked(): a read (a GET) and a write (reset)
        // of the still empty store hand them over
        super.handleGet("/api/v1/namespaces/credrift-lock-capture/configmaps/none");
        this.readLock = takeCaptured();
        super.reset();
        this.writeLock = takeCaptured();
    }

    private Lock takeCaptured() {
        Lock lock = capturedLock;
        if (lock == null) {
            throw new IllegalStateException("fabric8's CRUD dispatcher no longer reports its locks");
        }
        capturedLock = null;
        return lock;
    }

    @Override
    protected void locked(Lock lock) {
        if (readLock == null || writeLock == null) {
            capturedLock = lock;
        }
    }

    /** How many stored objects requests have examined so far (tests: a request costs its candidates, not the world). */
    long examined() {
        return examined.sum();
    }

    /**
     * Like a real API server, a JSON patch that cannot be applied (a failed {@code test} operation, say) is refused
     * with 422 and changes nothing; fabric8's handler throws instead and the client hears no answer at all.
     */
    @Override
    public MockResponse handlePatch(RecordedRequest request) {
        try {
            return super.handlePatch(request);
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                // by name: zjsonpatch is fabric8's transitive dependency, not ours
                if (t.getClass().getName().equals("io.fabric8.zjsonpatch.JsonPatchException")) {
                    return new MockResponse()
                            .setResponseCode(422)
                            .setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                                    + "\"reason\":\"Invalid\",\"code\":422,\"message\":\"the JSON patch cannot be"
                                    + " applied\"}");
                }
            }
            throw e;
        }
    }

    @Override
    public MockResponse handleGet(String path) {
        if (RequestCounts.isWatch(path)) {
            return super.handleGet(path);
        }
        if (API_PATH.matcher(path).matches()) {
            return super.handleGet(path);
        }
        return withLock(readLock, () -> {
            AttributeSet query = attributeExtractor.fromPath(path);
            boolean named = query.containsKey(KubernetesAttributesExtractor.NAME);
            List<String> items = new ArrayList<>();
            for (AttributeSet key : matching(query)) {
                items.add(map.get(key));
            }
            MockResponse response = new MockResponse();
            if (named) {
                return items.isEmpty()
                        ? response.setResponseCode(HttpURLConnection.HTTP_NOT_FOUND)
                        : response.setResponseCode(HttpURLConnection.HTTP_OK).setBody(items.get(0));
            }
            return response.setResponseCode(HttpURLConnection.HTTP_OK).setBody(list(items));
        });
    }

    @Override
    public MockResponse handleDelete(String path) {
        return withLock(writeLock, () -> {
            AttributeSet query = attributeExtractor.fromPath(path);
            List<String> items = new ArrayList<>();
            for (AttributeSet key : matching(query)) {
                items.add(map.get(key));
                delete(path, query, key);
            }
            MockResponse response = new MockResponse();
            if (query.containsKey(KubernetesAttributesExtractor.NAME)) {
                return items.isEmpty()
                        ? response.setResponseCode(HttpURLConnection.HTTP_NOT_FOUND)
                        : response.setResponseCode(HttpURLConnection.HTTP_OK).setBody(items.get(0));
            }
            return response.setResponseCode(HttpURLConnection.HTTP_OK).setBody(list(items));
        });
    }

    /** fabric8's delete: gone at once without finalizers, else marked for deletion once. */
    private void delete(String path, AttributeSet query, AttributeSet key) {
        String stored = map.get(key);
        GenericKubernetesResource resource = Serialization.unmarshal(stored, GenericKubernetesResource.class);
        if (resource.getFinalizers().isEmpty()) {
            processEvent(path, query, key, null, null);
        } else if (!resource.isMarkedForDeletion()) {
            resource.getMetadata()
                    .setDeletionTimestamp(ZonedDateTime.now(ZoneOffset.UTC)
                            .truncatedTo(ChronoUnit.SECONDS)
                            .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            resource.getMetadata().setResourceVersion(String.valueOf(requestResourceVersion()));
            processEvent(path, query, key, resource, Serialization.asJson(resource));
        }
    }

    @Override
    public Map.Entry<AttributeSet, String> findResource(AttributeSet attributes) {
        // fabric8 calls this with its write lock held
        List<AttributeSet> found = matching(attributes);
        return found.isEmpty() ? null : Map.entry(found.get(0), map.get(found.get(0)));
    }

    @Override
    public void processEvent(
            String path,
            AttributeSet pathAttributes,
            AttributeSet oldAttributes,
            GenericKubernetesResource resource,
            String newState) {
        // fabric8 calls this with its write lock held; it removes oldAttributes and stores the new state under keys
        // it computes, so the index follows what the store holds afterwards
        super.processEvent(path, pathAttributes, oldAttributes, resource, newState);
        if (oldAttributes != null) {
            index.remove(oldAttributes);
        }
        if (newState != null) {
            AttributeSet stored = storedKey(path, pathAttributes, resource, newState);
            if (stored != null && map.containsKey(stored)) {
                index.add(stored);
            }
        }
    }

    /** The key fabric8 stored {@code newState} under (the same computation as its processEvent). */
    private AttributeSet storedKey(
            String path, AttributeSet pathAttributes, GenericKubernetesResource resource, String newState) {
        KubernetesAttributesExtractor extractor = (KubernetesAttributesExtractor) attributeExtractor;
        AttributeSet key = resource != null ? extractor.extract(resource) : extractor.fromResource(newState);
        if (!key.containsKey(KubernetesAttributesExtractor.PLURAL)) {
            key = AttributeSet.merge(pathAttributes, key);
        }
        return key;
    }

    @Override
    public long requestResourceVersion() {
        long version = super.requestResourceVersion();
        latestResourceVersion.accumulateAndGet(version, Math::max);
        return version;
    }

    @Override
    public void reset() {
        if (writeLock == null) {
            super.reset();
            return;
        }
        withLock(writeLock, () -> {
            super.reset();
            index.clear();
            return null;
        });
    }

    private String list(List<String> items) {
        return ((KubernetesResponseComposer) responseComposer)
                .compose(items, String.valueOf(latestResourceVersion.get()));
    }

    private List<AttributeSet> matching(AttributeSet query) {
        List<AttributeSet> found = new ArrayList<>();
        for (AttributeSet key : index.candidates(query, map.keySet())) {
            examined.increment();
            if (key.matches(query)) {
                found.add(key);
            }
        }
        return found;
    }

    private static <T> T withLock(Lock lock, Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
