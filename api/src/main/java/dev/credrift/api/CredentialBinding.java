package dev.credrift.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.credrift.api.spec.CredentialBindingSpec;
import dev.credrift.api.status.CredentialBindingStatus;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A {@code CredentialBinding}: one chain source → vault → replica → consumers, judged by one store.
 *
 * <p>The CRD is hand-written ({@link CredentialBindingCrd}); a test keeps its names equal to the annotations here.
 */
@Group(CredentialBinding.GROUP)
@Version(CredentialBinding.VERSION)
@Kind(CredentialBinding.KIND)
@Plural(CredentialBinding.PLURAL)
@Singular(CredentialBinding.SINGULAR)
@ShortNames({"cb", "credbinding"})
public class CredentialBinding extends CustomResource<CredentialBindingSpec, CredentialBindingStatus>
        implements Namespaced {

    private static final long serialVersionUID = 1L;

    public static final String GROUP = "credrift.dev";
    public static final String VERSION = "v1alpha1";
    public static final String KIND = "CredentialBinding";
    public static final String PLURAL = "credentialbindings";
    public static final String SINGULAR = "credentialbinding";
    public static final String API_VERSION = GROUP + "/" + VERSION;
    public static final String CRD_NAME = PLURAL + "." + GROUP;

    /**
     * The binding id {@code <namespace>/<name>}: the Kafka record key for everything about this binding.
     * Parts that are not set yet read as empty, so the id is never {@code null}.
     */
    @JsonIgnore
    public String bindingId() {
        var meta = getMetadata();
        String namespace = meta == null || meta.getNamespace() == null ? "" : meta.getNamespace();
        String name = meta == null || meta.getName() == null ? "" : meta.getName();
        return namespace + "/" + name;
    }
}
