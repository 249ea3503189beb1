package dev.credrift.watcher.cluster;

import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds which versions of the third-party APIs the cluster serves, through API discovery (as kubectl does): the
 * ExternalSecret API at {@code external-secrets.io/v1}, or {@code v1beta1} on clusters with an older ESO, and Rook's
 * {@code ceph.rook.io/v1}. An API that is not served is simply absent; a discovery failure is logged and treated as
 * absent, to be tried again at the next resync.
 */
public final class ApiDiscovery {

    private static final Logger LOG = LoggerFactory.getLogger(ApiDiscovery.class);

    static final String ESO_GROUP = "external-secrets.io";
    static final List<String> ESO_VERSIONS = List.of("v1", "v1beta1");
    static final String ROOK_GROUP = "ceph.rook.io";

    private final KubernetesClient client;

    public ApiDiscovery(KubernetesClient client) {
        this.client = client;
    }

    /** The ExternalSecret API the cluster serves, preferring v1. Blocking. */
    public Optional<ResourceDefinitionContext> externalSecrets() {
        for (String version : ESO_VERSIONS) {
            if (serves(ESO_GROUP + "/" + version, "externalsecrets")) {
                return Optional.of(context(ESO_GROUP, version, "ExternalSecret", "externalsecrets"));
            }
        }
        return Optional.empty();
    }

    /** The CephObjectStoreUser API, if served. Blocking. */
    public Optional<ResourceDefinitionContext> rookUsers() {
        return serves(ROOK_GROUP + "/v1", "cephobjectstoreusers")
                ? Optional.of(context(ROOK_GROUP, "v1", "CephObjectStoreUser", "cephobjectstoreusers"))
                : Optional.empty();
    }

    private boolean serves(String groupVersion, String plural) {
        try {
            APIResourceList list = client.getApiResources(groupVersion);
            return list != null
                    && list.getResources() != null
                    && list.getResources().stream().map(APIResource::getName).anyMatch(plural::equals);
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return false;
            }
            LOG.warn(
                    "Discover({}): API discovery failed ({}); treating {} as not served until the next resync",
                    groupVersion,
                    e.getMessage(),
                    plural);
            return false;
        } catch (RuntimeException e) {
            LOG.warn(
                    "Discover({}): API discovery failed ({}: {}); treating {} as not served until the next resync",
                    groupVersion,
                    e.getClass().getSimpleName(),
                    e.getMessage(),
                    plural);
            return false;
        }
    }

    static ResourceDefinitionContext context(String group, String version, String kind, String plural) {
        return new ResourceDefinitionContext.Builder()
                .withGroup(group)
                .withVersion(version)
                .withKind(kind)
                .withPlural(plural)
                .withNamespaced(true)
                .build();
    }
}
