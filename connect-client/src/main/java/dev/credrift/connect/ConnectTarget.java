package dev.credrift.connect;

/**
 * What a Connect call was about, for error messages: vault and item by id and, when known, by name
 * and title. Any part may be {@code null}.
 */
public record ConnectTarget(String vaultId, String vaultName, String itemId, String itemTitle) {

    static ConnectTarget vaultNamed(String name) {
        return new ConnectTarget(null, name, null, null);
    }

    static ConnectTarget vault(VaultRef vault) {
        return new ConnectTarget(vault.id(), vault.name(), null, null);
    }

    /** The item {@code item} refers to, in its vault. */
    public static ConnectTarget item(ItemRef item) {
        return new ConnectTarget(item.vault().id(), item.vault().name(), item.id(), item.title());
    }

    static ConnectTarget ids(String vaultId, String itemId) {
        return new ConnectTarget(vaultId, null, itemId, null);
    }

    static ConnectTarget vaultOf(ConnectTarget target) {
        return new ConnectTarget(target.vaultId, target.vaultName, null, null);
    }

    ConnectTarget withItemTitle(String title) {
        return new ConnectTarget(vaultId, vaultName, itemId, title);
    }

    /** E.g. {@code item 'loki-s3-config' (id …) in vault 'Infrastructure' (id …)}. */
    public String describe() {
        String vault = part("vault", vaultName, vaultId);
        if (itemId == null && itemTitle == null) {
            return vault;
        }
        return part("item", itemTitle, itemId) + " in " + vault;
    }

    private static String part(String kind, String name, String id) {
        if (name != null && id != null) {
            return kind + " '" + name + "' (id " + id + ")";
        }
        if (name != null) {
            return kind + " '" + name + "'";
        }
        return kind + " " + (id == null ? "?" : id);
    }

    @Override
    public String toString() {
        return describe();
    }
}
