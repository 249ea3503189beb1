package dev.credrift.sandbox.onepassword;

/** An item seeded into the emulator, by vault id, item id and title. */
public record ConnectItem(String vaultId, String id, String title) {}
