package dev.credrift.watcher;

import dev.credrift.events.payload.BindingChanged;
import dev.credrift.watcher.index.BindingRefs;
import dev.credrift.watcher.resource.BindingRead;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/** What the loop knows about one binding; mutable, confined to the loop. */
final class BindingState {
    GenericKubernetesResource raw;
    BindingRead read;
    BindingRefs refs;
    long generation = 1;
    BindingChanged.Change pendingChange;
    boolean deleted;
}
