package dev.credrift.api.access;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One kind of Kubernetes API request credrift makes: who makes it, on what, with which verbs, how far it reaches and
 * which chart switch it depends on.
 *
 * @param caller      the role that makes it
 * @param group       the API group, {@code ""} for the core group
 * @param versions    the versions it may be sent to (ExternalSecrets: {@code v1}, or {@code v1beta1} on older ESO)
 * @param resource    the resource (plural), e.g. {@code secrets}
 * @param subresource the subresource, e.g. {@code status}, or {@code ""}
 * @param verbs       the RBAC verbs the requests map to
 * @param reach       one request across all namespaces, into the namespaces bindings name, or credrift's own
 * @param feature     the switch it depends on
 * @param stage       whether the code in main makes it yet
 * @param why         where in the code, and why (one line)
 */
public record KubeCall(
        Caller caller,
        String group,
        List<String> versions,
        String resource,
        String subresource,
        Set<Verb> verbs,
        Reach reach,
        Feature feature,
        Stage stage,
        String why) {

    public KubeCall {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(group, "group");
        versions = List.copyOf(versions);
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(subresource, "subresource");
        verbs = Set.copyOf(verbs);
        Objects.requireNonNull(reach, "reach");
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(why, "why");
        if (versions.isEmpty() || verbs.isEmpty() || resource.isBlank()) {
            throw new IllegalArgumentException("a call needs a version, a verb and a resource");
        }
    }

    /** The resource as an RBAC rule names it: {@code secrets}, {@code credentialbindings/status}. */
    public String rbacResource() {
        return subresource.isEmpty() ? resource : resource + "/" + subresource;
    }

    /** Whether {@code request} is one of the requests this entry stands for. */
    public boolean covers(ApiRequest request) {
        if (request.verb().isEmpty() || request.resource().isEmpty()) {
            return false;
        }
        boolean where = request.namespace().isPresent() || reach == Reach.ALL_NAMESPACES;
        return where
                && group.equals(request.group())
                && versions.contains(request.version())
                && resource.equals(request.resource().get())
                && subresource.equals(request.subresource())
                && verbs.contains(request.verb().get());
    }

    @Override
    public String toString() {
        return caller.label() + ": " + verbs.stream().map(Verb::rbac).sorted().toList() + " "
                + (group.isEmpty() ? "" : group + "/") + rbacResource() + " (" + reach + ", " + feature
                + (stage == Stage.PENDING ? ", pending" : "") + ")";
    }
}
