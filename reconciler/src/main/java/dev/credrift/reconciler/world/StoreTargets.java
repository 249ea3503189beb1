package dev.credrift.reconciler.world;

import dev.credrift.api.spec.Store;
import dev.credrift.api.spec.StoreTls;
import dev.credrift.events.payload.ProblemCode;
import dev.credrift.reconciler.probe.AddressingStyle;
import dev.credrift.reconciler.probe.InvalidProbeSettings;
import dev.credrift.reconciler.probe.ProbeTarget;
import dev.credrift.reconciler.probe.tls.ProbeTls;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.util.Optional;

/**
 * Builds the store's probe target from {@code spec.store}: the endpoint (or the source's {@code Endpoint}), the
 * bucket, and the TLS trust from the CA ConfigMap in the binding's namespace (story 3).
 */
final class StoreTargets {

    private final KubeGateway kube;

    StoreTargets(KubeGateway kube) {
        this.kube = kube;
    }

    /** Blocking (reads the CA ConfigMap). */
    Hop<ProbeTarget> target(String namespace, Store store, Optional<String> sourceEndpoint) {
        if (store == null || store.bucket() == null) {
            return Hop.unreadable(ProblemCode.INVALID_VALUE, "spec.store.bucket is not set");
        }
        String endpoint = store.endpoint() != null ? store.endpoint() : sourceEndpoint.orElse(null);
        if (endpoint == null) {
            return Hop.unreadable(
                    ProblemCode.INVALID_VALUE, "spec.store.endpoint is not set and the source names no Endpoint");
        }
        try {
            ProbeTarget target = ProbeTarget.of(endpoint, store.bucket(), tls(namespace, store.tls()))
                    .withRegion(store.region())
                    .withAddressing(
                            store.pathStyle() == null
                                    ? AddressingStyle.AUTO
                                    : store.pathStyle() ? AddressingStyle.PATH : AddressingStyle.VIRTUAL_HOST);
            return Hop.read(target);
        } catch (InvalidProbeSettings e) {
            // its message names the setting (and the endpoint or ConfigMap), never a credential
            return Hop.unreadable(ProblemCode.INVALID_VALUE, e.getMessage());
        } catch (MissingConfigMap e) {
            return Hop.unreadable(ProblemCode.MISSING_OBJECT, e.getMessage());
        }
    }

    private ProbeTls tls(String namespace, StoreTls tls) {
        if (tls == null) {
            return ProbeTls.systemTrust();
        }
        if (tls.caConfigMap() == null) {
            return ProbeTls.fromPem(null, tls.serverName(), tls.insecureSkipVerify());
        }
        ConfigMap configMap = kube.configMap(namespace, tls.caConfigMap())
                .orElseThrow(() -> new MissingConfigMap("ConfigMap " + namespace + "/" + tls.caConfigMap()
                        + " (spec.store.tls.caConfigMap) does not exist"));
        return ProbeTls.fromConfigMap(
                namespace + "/" + tls.caConfigMap(),
                configMap.getData(),
                tls.caKey(),
                tls.serverName(),
                tls.insecureSkipVerify());
    }

    private static final class MissingConfigMap extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MissingConfigMap(String message) {
            super(message);
        }
    }
}
