package dev.credrift.api.access;

import static dev.credrift.api.access.Caller.RECONCILER;
import static dev.credrift.api.access.Caller.WATCHER;
import static dev.credrift.api.access.Feature.CORE;
import static dev.credrift.api.access.Feature.LEADER_ELECTION;
import static dev.credrift.api.access.Feature.ROTATION;
import static dev.credrift.api.access.Feature.WEB_IDENTITY;
import static dev.credrift.api.access.Reach.ALL_NAMESPACES;
import static dev.credrift.api.access.Reach.BINDING_NAMESPACES;
import static dev.credrift.api.access.Reach.OWN_NAMESPACE;
import static dev.credrift.api.access.Stage.IN_CODE;
import static dev.credrift.api.access.Verb.CREATE;
import static dev.credrift.api.access.Verb.DELETE;
import static dev.credrift.api.access.Verb.GET;
import static dev.credrift.api.access.Verb.LIST;
import static dev.credrift.api.access.Verb.PATCH;
import static dev.credrift.api.access.Verb.WATCH;

import dev.credrift.api.CredentialBinding;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every Kubernetes API call credrift makes, read from the code (watcher: {@code cluster.ClusterCaches},
 * {@code cluster.ApiDiscovery}, {@code leader.LeaderElection}, {@code status.ValidConditionWriter}; reconciler:
 * {@code world.KubeGateway} and {@code cache.InformerReads}, through {@code WorldReader}, {@code ConsumerFinder}, {@code StoreTargets},
 * {@code report.StatusWriter}, {@code report.KubeEvents} and the steps). The notifier and the app's topic
 * administration talk to Kafka and webhooks only.
 *
 * <p>Change this list with the code: the chart's RBAC test grants exactly this, and the app's
 * {@code KubernetesAccessIT} fails on any request the roles send that no entry covers.
 */
public final class KubeCalls {

    private static final String CREDRIFT = CredentialBinding.GROUP;
    private static final List<String> V1 = List.of("v1");
    private static final List<String> CREDRIFT_VERSIONS = List.of(CredentialBinding.VERSION);
    private static final String ESO = "external-secrets.io";
    private static final List<String> ESO_VERSIONS = List.of("v1", "v1beta1");

    /** The calls, watcher's first. */
    public static final List<KubeCall> ALL = List.of(
            // --- watcher
            new KubeCall(
                    WATCHER,
                    CREDRIFT,
                    CREDRIFT_VERSIONS,
                    "credentialbindings",
                    "",
                    Set.of(LIST, WATCH),
                    ALL_NAMESPACES,
                    CORE,
                    IN_CODE,
                    "ClusterCaches: informer on every CredentialBinding"),
            new KubeCall(
                    WATCHER,
                    CREDRIFT,
                    CREDRIFT_VERSIONS,
                    "credentialbindings",
                    "",
                    Set.of(GET),
                    BINDING_NAMESPACES,
                    CORE,
                    IN_CODE,
                    "ValidConditionWriter: fresh read before writing Valid"),
            new KubeCall(
                    WATCHER,
                    CREDRIFT,
                    CREDRIFT_VERSIONS,
                    "credentialbindings",
                    "status",
                    Set.of(PATCH),
                    BINDING_NAMESPACES,
                    CORE,
                    IN_CODE,
                    "ValidConditionWriter: Valid condition (JSON patch; the first one a merge patch under the read's"
                            + " resourceVersion)"),
            new KubeCall(
                    WATCHER,
                    "",
                    V1,
                    "secrets",
                    "",
                    Set.of(LIST, WATCH),
                    ALL_NAMESPACES,
                    CORE,
                    IN_CODE,
                    "ClusterCaches: Rook user Secrets (app=rook-ceph-rgw) and ESO targets"
                            + " (reconcile.external-secrets.io/managed=true), label-selected, all namespaces"
                            + " (unless watcher.secretNamespaces is set: then per namespace, the entry below)"),
            new KubeCall(
                    WATCHER,
                    "",
                    V1,
                    "secrets",
                    "",
                    Set.of(LIST, WATCH),
                    BINDING_NAMESPACES,
                    CORE,
                    IN_CODE,
                    "ClusterCaches: each other Secret a binding names, one informer per name (field selector);"
                            + " with watcher.secretNamespaces the two label-selected informers per listed namespace"
                            + " too, and no Secret outside those namespaces"),
            new KubeCall(
                    WATCHER,
                    ESO,
                    ESO_VERSIONS,
                    "externalsecrets",
                    "",
                    Set.of(LIST, WATCH),
                    ALL_NAMESPACES,
                    CORE,
                    IN_CODE,
                    "ClusterCaches: ExternalSecret informer (v1, or v1beta1 where only that is served)"),
            new KubeCall(
                    WATCHER,
                    "ceph.rook.io",
                    V1,
                    "cephobjectstoreusers",
                    "",
                    Set.of(LIST, WATCH),
                    ALL_NAMESPACES,
                    CORE,
                    IN_CODE,
                    "ClusterCaches: CephObjectStoreUser informer (where Rook runs)"),
            new KubeCall(
                    WATCHER,
                    "",
                    V1,
                    "pods",
                    "",
                    Set.of(LIST, WATCH),
                    BINDING_NAMESPACES,
                    CORE,
                    IN_CODE,
                    "ClusterCaches: pod informer per namespace that holds bindings"),
            new KubeCall(
                    WATCHER,
                    "coordination.k8s.io",
                    V1,
                    "leases",
                    "",
                    Set.of(GET, CREATE, PATCH),
                    OWN_NAMESPACE,
                    LEADER_ELECTION,
                    IN_CODE,
                    "LeaderElection: fabric8 7.8 LeaseLock reads, creates,"
                            + " and renews and releases with a merge patch carrying the resourceVersion"),
            // --- reconciler
            new KubeCall(
                    RECONCILER,
                    CREDRIFT,
                    CREDRIFT_VERSIONS,
                    "credentialbindings",
                    "",
                    Set.of(GET, LIST, WATCH, PATCH),
                    BINDING_NAMESPACES,
                    CORE,
                    IN_CODE,
                    "InformerReads: informer cache per binding namespace; KubeGateway: fresh read before a status"
                            + " write; remove credrift.dev/clear-halt (JSON patch)"),
            new KubeCall(
                    RECONCILER,
                    CREDRIFT,
                    CREDRIFT_VERSIONS,
                    "credentialbindings",
                    "status",
                    Set.of(PATCH),
                    BINDING_NAMESPACES,
                    CORE,
                    IN_CODE,
                    "StatusWriter: conditions, fingerprints, last remediation"),
            new KubeCall(
                    RECONCILER,
                    "",
                    V1,
                    "secrets",
                    "",
                    Set.of(GET, LIST, WATCH),
                    BINDING_NAMESPACES,
                    CORE,
                    IN_CODE,
                    "InformerReads: Secret informer per namespace bindings use (source, replica);"
                            + " WorldReader: fresh source read before a write; the MinIO admin Secret (issue 7)"),
            new KubeCall(
                    RECONCILER,
                    "",
                    V1,
                    "configmaps",
                    "",
                    Set.of(GET),
                    BINDING_NAMESPACES,
                    CORE,
                    IN_CODE,
                    "StoreTargets: the store's CA ConfigMap (spec.store.tls.caConfigMap)"),
            new KubeCall(
                    RECONCILER,
                    ESO,
                    ESO_VERSIONS,
                    "externalsecrets",
                    "",
                    Set.of(GET, LIST, WATCH, PATCH),
                    BINDING_NAMESPACES,
                    CORE,
                    IN_CODE,
                    "InformerReads: ExternalSecret informer per namespace (v1, or"
                            + " v1beta1 where only that is served); KubeGateway: force-sync annotation (JSON merge"
                            + " patch, after a read)"),
            new KubeCall(
                    RECONCILER,
                    "",
                    V1,
                    "pods",
                    "",
                    Set.of(LIST, WATCH),
                    BINDING_NAMESPACES,
                    CORE,
                    IN_CODE,
                    "InformerReads: pod informer per namespace (indexed by Secrets read and owner); StuckPods"),
            new KubeCall(
                    RECONCILER,
                    "",
                    V1,
                    "pods",
                    "",
                    Set.of(GET, DELETE),
                    BINDING_NAMESPACES,
                    CORE,
                    IN_CODE,
                    "KubeGateway.deletePod: re-read the pod (same UID?) and delete it — the unready pods of an"
                            + " OrderedReady StatefulSet that cannot roll (kubernetes#67250)"),
            new KubeCall(
                    RECONCILER,
                    "apps",
                    V1,
                    "deployments",
                    "",
                    Set.of(GET, LIST, WATCH, PATCH),
                    BINDING_NAMESPACES,
                    CORE,
                    IN_CODE,
                    "InformerReads: informer per namespace; KubeGateway: rollout restart (restartedAt,"
                            + " JSON merge patch)"),
            new KubeCall(
                    RECONCILER,
                    "apps",
                    V1,
                    "statefulsets",
                    "",
                    Set.of(GET, LIST, WATCH, PATCH),
                    BINDING_NAMESPACES,
                    CORE,
                    IN_CODE,
                    "InformerReads: informer per namespace; KubeGateway: rollout restart (restartedAt,"
                            + " JSON merge patch)"),
            new KubeCall(
                    RECONCILER,
                    "apps",
                    V1,
                    "daemonsets",
                    "",
                    Set.of(GET, LIST, WATCH, PATCH),
                    BINDING_NAMESPACES,
                    CORE,
                    IN_CODE,
                    "InformerReads: informer per namespace; KubeGateway: rollout restart (restartedAt,"
                            + " JSON merge patch)"),
            new KubeCall(
                    RECONCILER,
                    "events.k8s.io",
                    V1,
                    "events",
                    "",
                    Set.of(CREATE),
                    BINDING_NAMESPACES,
                    CORE,
                    IN_CODE,
                    "KubeEvents: Events on the binding"),
            new KubeCall(
                    RECONCILER,
                    "ceph.rook.io",
                    V1,
                    "cephobjectstoreusers",
                    "",
                    Set.of(GET),
                    BINDING_NAMESPACES,
                    CORE,
                    IN_CODE,
                    "RotationStage: whether a rotated Rook user lists spec.keys (without them Rook keeps one key);"
                            + " RookSpecKeys: a fresh read before changing the list"),
            new KubeCall(
                    RECONCILER,
                    "ceph.rook.io",
                    V1,
                    "cephobjectstoreusers",
                    "",
                    Set.of(PATCH),
                    BINDING_NAMESPACES,
                    ROTATION,
                    IN_CODE,
                    "RookSpecKeys, RgwAdminKeys: add the minted key to spec.keys, drop the revoked one (JSON patch)"),
            new KubeCall(
                    RECONCILER,
                    "",
                    V1,
                    "secrets",
                    "",
                    Set.of(CREATE, DELETE, PATCH),
                    BINDING_NAMESPACES,
                    ROTATION,
                    IN_CODE,
                    "RookSpecKeys: the key Secrets credrift owns (created at the mint, deleted by UID at the revoke;"
                            + " never a Secret credrift did not create); RgwAdminKeys: a plain RGW user's source"
                            + " Secret gets the minted key (JSON merge patch of its two data keys)"),
            new KubeCall(
                    RECONCILER,
                    "",
                    V1,
                    "serviceaccounts",
                    "token",
                    Set.of(CREATE),
                    BINDING_NAMESPACES,
                    WEB_IDENTITY,
                    IN_CODE,
                    "IdentityAssessing (web identity sources): a token of the binding's"
                            + " service account from the TokenRequest API, exchanged at the STS"));

    /**
     * The API discovery paths the watcher reads ({@code ApiDiscovery}) to learn which ExternalSecret and Rook versions
     * are served (the reconciler's {@code cache.NamespaceInformers} reads the ExternalSecret ones too). Non-resource requests: Kubernetes' built-in {@code system:discovery} ClusterRole lets every
     * authenticated user read them, so the chart grants nothing for them.
     */
    public static final List<String> DISCOVERY =
            List.of("/apis/" + ESO + "/v1", "/apis/" + ESO + "/v1beta1", "/apis/ceph.rook.io/v1");

    private KubeCalls() {}

    /** The calls of these callers whose feature is among {@code features}. */
    public static List<KubeCall> of(Collection<Caller> callers, Collection<Feature> features) {
        return ALL.stream()
                .filter(c -> callers.contains(c.caller()) && features.contains(c.feature()))
                .toList();
    }

    /** The entry that covers {@code request} for one of {@code callers}, if any. */
    public static Optional<KubeCall> explain(ApiRequest request, Collection<Caller> callers) {
        return ALL.stream()
                .filter(c -> callers.contains(c.caller()) && c.covers(request))
                .findFirst();
    }

    /** Whether {@code request} is API discovery the watcher does. */
    public static boolean isDiscovery(ApiRequest request) {
        return request.nonResource() && request.method().equals("GET") && DISCOVERY.contains(request.path());
    }
}
