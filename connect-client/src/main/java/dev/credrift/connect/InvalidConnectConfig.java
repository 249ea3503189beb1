package dev.credrift.connect;

/** A Connect client setting that cannot work; names the setting, never a secret. */
public final class InvalidConnectConfig extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String setting;

    public InvalidConnectConfig(String setting, String problem) {
        super("1Password Connect client: " + setting + " " + problem);
        this.setting = setting;
    }

    /** The offending setting, e.g. {@code baseUri} or {@code caBundle}. */
    public String setting() {
        return setting;
    }
}
