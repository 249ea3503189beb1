package dev.credrift.api.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.credrift.api.WireEnum;

/**
 * Which hop holds the truth. {@code Source}: the store's generated keys (Rook/RGW). {@code Vault}: the 1Password
 * item (Rook {@code spec.keys}, or MinIO where the store must be made to accept the vault's keys).
 */
public enum Authority implements WireEnum {
    SOURCE("Source"),
    VAULT("Vault"),
    UNRECOGNIZED(null);

    private final String wireName;

    Authority(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    @Override
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static Authority fromWire(String text) {
        return WireEnum.fromWire(Authority.class, text, UNRECOGNIZED);
    }
}
