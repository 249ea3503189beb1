package dev.credrift.sandbox.world.spec;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Kubernetes object from a world file, as written (placeholders unresolved).
 *
 * @param manifest the object
 * @param location where it starts
 */
public record WorldObject(ObjectNode manifest, SourceLocation location) {

    /** {@code apiVersion kind namespace/name}, e.g. {@code apps/v1 StatefulSet monitoring/loki}. */
    public String describe() {
        String namespace = manifest.path("metadata").path("namespace").asText("");
        return manifest.path("apiVersion").asText("?") + " "
                + manifest.path("kind").asText("?") + " " + (namespace.isEmpty() ? "" : namespace + "/")
                + manifest.path("metadata").path("name").asText("?");
    }

    /** Never the manifest: a Secret's data may be in it. */
    @Override
    public String toString() {
        return "WorldObject[" + describe() + " at " + location + "]";
    }
}
