package dev.credrift.reconciler.world;

import dev.credrift.events.credential.Credential;
import dev.credrift.events.payload.ObjectRef;
import java.util.Optional;

/**
 * The source hop: the credential in the source Secret (Rook's {@code rook-ceph-object-user-<store>-<user>} or a
 * named Secret) and the store endpoint it names (Rook's {@code Endpoint}).
 */
public record SourceValue(ObjectRef secret, Credential credential, Optional<String> endpoint) {}
