package dev.credrift.reconciler.probe;

/**
 * A probe was asked with settings that cannot work (an endpoint without scheme, a CA that is not PEM, a
 * ConfigMap without the CA key). The message names the object and field; it never holds a credential.
 */
public final class InvalidProbeSettings extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    /** @param field the setting at fault, e.g. {@code store.endpoint} or {@code ConfigMap storage-ca key ca.crt} */
    public InvalidProbeSettings(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    /** The setting at fault. */
    public String field() {
        return field;
    }
}
