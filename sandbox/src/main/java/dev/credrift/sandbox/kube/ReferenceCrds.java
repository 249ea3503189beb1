package dev.credrift.sandbox.kube;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The third-party CRDs credrift reads, copied verbatim from the projects that publish them (under {@code crds/} in
 * this jar, so that the sandbox needs no network): External Secrets Operator's {@code ExternalSecret} and
 * {@code PushSecret}, and Rook's {@code CephObjectStoreUser}.
 */
public enum ReferenceCrds {

    /** {@code externalsecrets.external-secrets.io}: v1 served and stored, v1beta1 present but not served. */
    EXTERNAL_SECRET("crds/external-secrets.io_externalsecrets.yaml"),
    /** {@code pushsecrets.external-secrets.io} (v1alpha1). */
    PUSH_SECRET("crds/external-secrets.io_pushsecrets.yaml"),
    /** {@code cephobjectstoreusers.ceph.rook.io} (v1). */
    CEPH_OBJECT_STORE_USER("crds/ceph.rook.io_cephobjectstoreusers.yaml");

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private final String resource;

    ReferenceCrds(String resource) {
        this.resource = resource;
    }

    /** Classpath location of the YAML. */
    public String resource() {
        return resource;
    }

    /** The YAML exactly as published. */
    public String yaml() {
        try (InputStream in = ReferenceCrds.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("CRD resource " + resource + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read CRD resource " + resource, e);
        }
    }

    /** A fresh parsed copy (callers may change it). */
    public CustomResourceDefinition definition() {
        return SERIALIZATION.unmarshal(yaml(), CustomResourceDefinition.class);
    }

    /**
     * A fresh copy that serves and stores only {@code version}, dropping the others: how a cluster that still runs an
     * older operator release looks (ExternalSecret {@code v1beta1} only, say).
     *
     * @throws IllegalArgumentException if the CRD has no such version
     */
    public CustomResourceDefinition servingOnly(String version) {
        CustomResourceDefinition crd = definition();
        List<CustomResourceDefinitionVersion> kept = crd.getSpec().getVersions().stream()
                .filter(v -> version.equals(v.getName()))
                .toList();
        if (kept.isEmpty()) {
            throw new IllegalArgumentException(crd.getMetadata().getName() + " has no version " + version);
        }
        kept.forEach(v -> {
            v.setServed(true);
            v.setStorage(true);
        });
        crd.getSpec().setVersions(kept);
        return crd;
    }
}
