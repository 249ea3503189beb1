package dev.credrift.api;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The hand-written CRD shipped in this jar at {@value #RESOURCE}.
 *
 * <p>Hand-written rather than generated so that the schema can say what a generator cannot: one-of for the source
 * kinds, CEL rules across fields, patterns and printer columns. Tests keep it and the Java model in step.
 */
public final class CredentialBindingCrd {

    /** Classpath location of the CRD YAML. */
    public static final String RESOURCE = "crds/" + CredentialBinding.CRD_NAME + ".yaml";

    private CredentialBindingCrd() {}

    /** The CRD YAML exactly as shipped. */
    public static String yaml() {
        try (InputStream in = CredentialBindingCrd.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("CRD resource " + RESOURCE + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read CRD resource " + RESOURCE, e);
        }
    }

    /** The CRD parsed with fabric8, ready to create or server-side apply. */
    public static CustomResourceDefinition definition() {
        return new KubernetesSerialization().unmarshal(yaml(), CustomResourceDefinition.class);
    }
}
