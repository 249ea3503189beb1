package dev.credrift.api.access;

/**
 * Where a call goes, which decides whether a namespaced Role can grant it.
 */
public enum Reach {
    /** Across all namespaces in one request (a cluster-wide informer): only a ClusterRole can grant it. */
    ALL_NAMESPACES,
    /**
     * Into the namespaces that bindings name (a binding's own, its source's, its replica's, its consumers'): a
     * ClusterRole, or one Role per namespace when the chart restricts access to listed namespaces.
     */
    BINDING_NAMESPACES,
    /** Into credrift's own namespace only (its leader-election Lease): a Role there. */
    OWN_NAMESPACE
}
