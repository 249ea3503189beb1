package dev.credrift.sandbox.world;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What a world started, stopped last-started-first: a part that failed to stop does not keep the rest running. */
final class StartedResources {

    private static final Logger LOG = LoggerFactory.getLogger(StartedResources.class);

    private final String worldName;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();

    StartedResources(String worldName) {
        this.worldName = worldName;
    }

    synchronized <T extends AutoCloseable> T remember(T resource) {
        started.push(resource);
        return resource;
    }

    /** Stops everything remembered, last first; safe to call twice. */
    void closeAll() {
        AutoCloseable resource;
        while ((resource = next()) != null) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn(
                        "world {}: stopping {} failed: {}",
                        worldName,
                        resource.getClass().getSimpleName(),
                        e.toString());
            }
        }
    }

    private synchronized AutoCloseable next() {
        return started.poll();
    }
}
