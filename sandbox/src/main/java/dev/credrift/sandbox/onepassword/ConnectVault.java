package dev.credrift.sandbox.onepassword;

/** A vault seeded into the emulator. */
public record ConnectVault(String id, String name) {}
