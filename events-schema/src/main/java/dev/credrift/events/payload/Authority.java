package dev.credrift.events.payload;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Which hop is the truth, spelt as the CredentialBinding spells it. */
public enum Authority {
    /** The source (Rook/RGW generated keys). */
    @JsonProperty("Source")
    SOURCE,
    /** The vault (1Password). */
    @JsonProperty("Vault")
    VAULT
}
