package dev.credrift.watcher.resource;

/** The kinds of cluster object the watcher reads. */
public enum ObjectKind {
    BINDING("credentialbinding"),
    SECRET("secret"),
    EXTERNAL_SECRET("externalsecret"),
    ROOK_USER("cephobjectstoreuser"),
    POD("pod");

    private final String logName;

    ObjectKind(String logName) {
        this.logName = logName;
    }

    /** The lower-case name used in log contexts, as {@code kubectl get} spells it. */
    public String logName() {
        return logName;
    }
}
