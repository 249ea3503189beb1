package dev.credrift.sandbox.emulate;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/**
 * The third-party kinds the emulators read and write, addressed without API discovery, and the one CRD the
 * Kubernetes stand-in lacks for them: ESO's {@code SecretStore}.
 */
public final class EmulatedKinds {

    /** {@code external-secrets.io/v1 ExternalSecret}. */
    public static final ResourceDefinitionContext EXTERNAL_SECRET =
            namespaced("external-secrets.io", "v1", "ExternalSecret", "externalsecrets");
    /** {@code external-secrets.io/v1 SecretStore}. */
    public static final ResourceDefinitionContext SECRET_STORE =
            namespaced("external-secrets.io", "v1", "SecretStore", "secretstores");
    /** {@code external-secrets.io/v1 ClusterSecretStore} (cluster-scoped). */
    public static final ResourceDefinitionContext CLUSTER_SECRET_STORE = new ResourceDefinitionContext.Builder()
            .withGroup("external-secrets.io")
            .withVersion("v1")
            .withKind("ClusterSecretStore")
            .withPlural("clustersecretstores")
            .withNamespaced(false)
            .build();
    /** {@code ceph.rook.io/v1 CephObjectStoreUser}. */
    public static final ResourceDefinitionContext CEPH_OBJECT_STORE_USER =
            namespaced("ceph.rook.io", "v1", "CephObjectStoreUser", "cephobjectstoreusers");

    private EmulatedKinds() {}

    /**
     * A minimal {@code secretstores.external-secrets.io} CRD (v1, namespaced, status subresource, any fields), so
     * that discovery lists the kind and {@code kubectl}-style clients can apply SecretStores. The published CRD is
     * several thousand lines of provider schemas the stand-in would not check anyway.
     */
    public static CustomResourceDefinition secretStoreCrd() {
        JSONSchemaProps anything = new JSONSchemaPropsBuilder()
                .withType("object")
                .withXKubernetesPreserveUnknownFields(true)
                .build();
        return new CustomResourceDefinitionBuilder()
                .withNewMetadata()
                .withName("secretstores.external-secrets.io")
                .endMetadata()
                .withNewSpec()
                .withGroup("external-secrets.io")
                .withScope("Namespaced")
                .withNewNames()
                .withKind("SecretStore")
                .withListKind("SecretStoreList")
                .withPlural("secretstores")
                .withSingular("secretstore")
                .withShortNames("ss")
                .addToCategories("external-secrets")
                .endNames()
                .addNewVersion()
                .withName("v1")
                .withServed(true)
                .withStorage(true)
                .withNewSchema()
                .withOpenAPIV3Schema(anything)
                .endSchema()
                .withNewSubresources()
                .withNewStatus()
                .endStatus()
                .endSubresources()
                .endVersion()
                .endSpec()
                .build();
    }

    private static ResourceDefinitionContext namespaced(String group, String version, String kind, String plural) {
        return new ResourceDefinitionContext.Builder()
                .withGroup(group)
                .withVersion(version)
                .withKind(kind)
                .withPlural(plural)
                .withNamespaced(true)
                .build();
    }
}
