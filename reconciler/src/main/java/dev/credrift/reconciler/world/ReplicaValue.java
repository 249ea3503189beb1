package dev.credrift.reconciler.world;

import java.util.Optional;

/** The replica hop: the ExternalSecret and the Secret it writes (empty until ESO has created it). */
public record ReplicaValue(ExternalSecretState externalSecret, Optional<ReplicaSecret> secret) {}
