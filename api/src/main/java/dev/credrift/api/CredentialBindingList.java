package dev.credrift.api;

import io.fabric8.kubernetes.api.model.DefaultKubernetesResourceList;

/** The list type, for {@code client.resources(CredentialBinding.class, CredentialBindingList.class)}. */
public class CredentialBindingList extends DefaultKubernetesResourceList<CredentialBinding> {
    private static final long serialVersionUID = 1L;
}
