package dev.credrift.events.payload;

import dev.credrift.events.credential.Fingerprint;

/** The fingerprint found at each hop; absent where the hop could not be read. */
public record HopFingerprints(Fingerprint source, Fingerprint vault, Fingerprint replica) {}
