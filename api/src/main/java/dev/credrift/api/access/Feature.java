package dev.credrift.api.access;

/**
 * The switch a call depends on. The chart grants a call only when its feature is on, so that a cluster without web
 * identity sources never lets credrift mint service-account tokens.
 */
public enum Feature {
    /** Always needed. */
    CORE(null),
    /** The watcher's leader election (chart value {@code watcher.leaderElection}, on by default). */
    LEADER_ELECTION("watcher.leaderElection"),
    /** Web identity sources, AWS IRSA and Alibaba RRSA (chart value {@code webIdentity.enabled}, off by default). */
    WEB_IDENTITY("webIdentity.enabled"),
    /**
     * Managed rotation of Rook {@code spec.keys} users (chart value {@code rotation.enabled}, off by default): credrift
     * then writes Secrets (the key Secrets it owns) and edits {@code CephObjectStoreUser.spec.keys}, which a cluster
     * that does not rotate should never grant.
     */
    ROTATION("rotation.enabled");

    private final String chartValue;

    Feature(String chartValue) {
        this.chartValue = chartValue;
    }

    /** The boolean chart value that switches it, or {@code null} for {@link #CORE}. */
    public String chartValue() {
        return chartValue;
    }
}
