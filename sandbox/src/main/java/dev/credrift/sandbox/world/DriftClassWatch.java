package dev.credrift.sandbox.world;

import dev.credrift.api.CredentialBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Clock;

/** Records every drift class a CredentialBinding's status shows, for {@code driftClassSeen}. */
final class DriftClassWatch {

    private DriftClassWatch() {}

    /** Starts watching; closing the result stops the watch. */
    static AutoCloseable start(KubernetesClient client, DriftClassLog driftClasses, Clock clock) {
        SharedIndexInformer<CredentialBinding> informer = client.resources(CredentialBinding.class)
                .inAnyNamespace()
                .inform(new ResourceEventHandler<>() {
                    @Override
                    public void onAdd(CredentialBinding binding) {
                        note(binding, driftClasses, clock);
                    }

                    @Override
                    public void onUpdate(CredentialBinding oldBinding, CredentialBinding binding) {
                        note(binding, driftClasses, clock);
                    }

                    @Override
                    public void onDelete(CredentialBinding binding, boolean unknown) {}
                });
        return informer::close;
    }

    private static void note(CredentialBinding binding, DriftClassLog driftClasses, Clock clock) {
        if (binding.getStatus() != null
                && binding.getStatus().driftClass() != null
                && binding.getStatus().driftClass().wireName() != null) {
            driftClasses.record(
                    clock.instant(),
                    binding.bindingId(),
                    binding.getStatus().driftClass().wireName(),
                    "status");
        }
    }
}
