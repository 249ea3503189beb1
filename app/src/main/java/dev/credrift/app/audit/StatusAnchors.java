package dev.credrift.app.audit;

import dev.credrift.api.CredentialBinding;
import dev.credrift.api.status.AuditChainHead;
import dev.credrift.events.BindingId;
import dev.credrift.events.ContractViolation;
import dev.credrift.events.audit.ChainAnchor;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The chain heads the reconciler published in the bindings' status ({@code status.auditHead}), read from the live
 * cluster: the outside anchors that make a tail cut off the audit topic visible. A head that is not well formed is
 * skipped with a note (a status is not the place to prove anything against).
 */
public final class StatusAnchors {

    private final KubernetesClient client;

    public StatusAnchors(KubernetesClient client) {
        this.client = client;
    }

    /**
     * Every binding's head, in every namespace.
     *
     * @param notes receives one line per head that could not be used
     * @throws AuditReadException if the bindings cannot be listed
     */
    public Map<BindingId, ChainAnchor> read(Consumer<String> notes) {
        Map<BindingId, ChainAnchor> anchors = new LinkedHashMap<>();
        try {
            for (CredentialBinding binding : client.resources(CredentialBinding.class)
                    .inAnyNamespace()
                    .list()
                    .getItems()) {
                AuditChainHead head =
                        binding.getStatus() == null ? null : binding.getStatus().auditHead();
                if (head == null) {
                    continue;
                }
                try {
                    anchors.put(
                            BindingId.parse(binding.bindingId()),
                            new ChainAnchor(head.sequence() == null ? 0 : head.sequence(), head.hash()));
                } catch (ContractViolation e) {
                    notes.accept("CredentialBinding " + binding.bindingId() + ": status.auditHead." + e.getMessage()
                            + "; not used as an anchor");
                }
            }
        } catch (KubernetesClientException e) {
            throw new AuditReadException(
                    "listing CredentialBindings at " + client.getMasterUrl() + " failed: "
                            + (e.getCode() > 0
                                    ? "HTTP " + e.getCode()
                                    : e.getClass().getSimpleName()),
                    e);
        }
        return anchors;
    }
}
