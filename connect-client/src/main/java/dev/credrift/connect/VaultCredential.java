package dev.credrift.connect;

import dev.credrift.events.credential.Credential;

/** The credential an item holds, and the item version it was read at. Prints only the masked key id. */
public record VaultCredential(ItemRef item, Credential credential) {}
