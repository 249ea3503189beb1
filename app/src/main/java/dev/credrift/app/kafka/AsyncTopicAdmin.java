package dev.credrift.app.kafka;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The edge between Vert.x and the blocking {@link TopicAdministrator}: every call runs on the named worker pool
 * {@value #POOL_NAME} (so a slow broker never blocks an event loop, and thread dumps say who is waiting) and comes
 * back as a Vert.x {@link Future}.
 */
public final class AsyncTopicAdmin implements AutoCloseable {

    public static final String POOL_NAME = "credrift-kafka-admin";

    private final TopicAdministrator administrator;
    private final WorkerExecutor executor;

    public AsyncTopicAdmin(Vertx vertx, TopicAdministrator administrator) {
        this.administrator = administrator;
        // two threads: a readiness probe must not queue behind a slow topic creation
        long maxExecuteMs = administrator.timeout().toMillis() * 3 + 1_000;
        this.executor = vertx.createSharedWorkerExecutor(POOL_NAME, 2, maxExecuteMs, TimeUnit.MILLISECONDS);
    }

    public BootstrapServers bootstrapServers() {
        return administrator.bootstrapServers();
    }

    public Future<Set<String>> listTopicNames() {
        return executor.executeBlocking(administrator::listTopicNames, false);
    }

    public Future<TopicAdministrator.ProvisioningResult> ensureTopics(List<TopicSpec> topics) {
        return executor.executeBlocking(() -> administrator.ensureTopics(topics), false);
    }

    /** Releases the worker pool; the {@link TopicAdministrator} is closed by its owner. */
    @Override
    public void close() {
        executor.close();
    }
}
