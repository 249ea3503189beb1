package dev.credrift.sandbox.world.spec;

import dev.credrift.events.credential.Credential;
import java.util.Optional;

/**
 * A user of the S3 stand-in.
 *
 * @param name      the user name (for Rook, the CephObjectStoreUser's name)
 * @param keys      the key to create it with; empty: generated like RGW's
 * @param suspended whether it starts suspended
 * @param caps      RGW admin capabilities to grant ({@code radosgw-admin caps add}, e.g. {@code users=*}: what the
 *                  Admin Ops API asks of its caller); only on a real RGW
 * @param location  where it was declared
 */
public record StoreUserSpec(
        String name, Optional<Credential> keys, boolean suspended, Optional<String> caps, SourceLocation location) {}
