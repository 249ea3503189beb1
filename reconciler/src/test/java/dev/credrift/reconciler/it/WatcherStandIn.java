package dev.credrift.reconciler.it;

import static dev.credrift.reconciler.it.MovingWorldSpec.NS;
import static dev.credrift.reconciler.it.MovingWorldSpec.ROOK_NS;

import dev.credrift.events.credential.Credential;
import dev.credrift.sandbox.emulate.EmulatedKinds;
import dev.credrift.sandbox.onepassword.ItemSnapshot;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The watcher's stand-in in a {@link MovingWorld}: informers that nudge every binding (at most every 250 ms) on any
 * change of its Secrets, pods, ExternalSecrets and Deployments; and the write recorders — each {@code restartedAt}
 * patch of a Deployment and each 1Password API write, judged by the store as it happens ({@link WriteRecords}).
 */
final class WatcherStandIn implements AutoCloseable {

    private final MovingWorld moving;
    private final ScheduledExecutorService nudges =
            Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "soak-nudger"));
    private final AtomicBoolean nudgePending = new AtomicBoolean();
    private final List<AutoCloseable> informers = new ArrayList<>();

    WatcherStandIn(MovingWorld moving) {
        this.moving = moving;
        watch(moving.client());
    }

    private void changed() {
        if (nudgePending.compareAndSet(false, true)) {
            nudges.schedule(
                    () -> {
                        nudgePending.set(false);
                        try {
                            moving.nudgeAll();
                        } catch (RuntimeException e) {
                            // the bus is closing with the world
                        }
                    },
                    250,
                    TimeUnit.MILLISECONDS);
        }
    }

    private void watch(KubernetesClient client) {
        informers.add(client.secrets().inNamespace(NS).inform(nudging())::close);
        informers.add(client.secrets().inNamespace(ROOK_NS).inform(nudging())::close);
        informers.add(client.pods().inNamespace(NS).inform(nudging())::close);
        informers.add(client.genericKubernetesResources(EmulatedKinds.EXTERNAL_SECRET)
                .inNamespace(NS)
                .inform(nudging())::close);
        informers.add(client.apps().deployments().inNamespace(NS).inform(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Deployment deployment) {
                changed();
            }

            @Override
            public void onUpdate(Deployment before, Deployment after) {
                if (!Objects.equals(restartedAt(before), restartedAt(after))) {
                    rolledOut(after.getMetadata().getName());
                }
                changed();
            }

            @Override
            public void onDelete(Deployment deployment, boolean unknown) {
                changed();
            }
        })::close);
    }

    private <T> ResourceEventHandler<T> nudging() {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(T object) {
                changed();
            }

            @Override
            public void onUpdate(T before, T after) {
                changed();
            }

            @Override
            public void onDelete(T object, boolean unknown) {
                changed();
            }
        };
    }

    private static String restartedAt(Deployment deployment) {
        Map<String, String> annotations =
                deployment.getSpec().getTemplate().getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get("kubectl.kubernetes.io/restartedAt");
    }

    /** Its new pods read the first replica it names: that key is what was rolled out. */
    private void rolledOut(String workload) {
        int binding = moving.history.bindingsOf(workload).get(0);
        moving.replicaKey(binding)
                .ifPresent(key -> moving.writes.rolledOut(workload, moving.history.userOf(binding), key));
    }

    void vaultWritten(ItemSnapshot item) {
        if (!item.title().startsWith("item-")) {
            return;
        }
        int binding = Integer.parseInt(item.title().substring("item-".length()));
        Optional<ItemSnapshot.Field> id = item.field("access_key");
        Optional<ItemSnapshot.Field> secret = item.field("secret_key");
        if (id.isPresent() && secret.isPresent()) {
            moving.writes.vaultWritten(
                    item.title(),
                    moving.history.userOf(binding),
                    new Credential(id.get().value().reveal(), secret.get().value()));
        }
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable informer : informers) {
            informer.close();
        }
        nudges.shutdownNow();
    }
}
