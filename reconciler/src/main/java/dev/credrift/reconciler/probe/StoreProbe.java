package dev.credrift.reconciler.probe;

import dev.credrift.events.credential.Credential;

/**
 * Asks a store whether it accepts a credential, by listing one object of the bucket with a GET (never a
 * HEAD: a HEAD answer has no body, so it hides the S3 error code). Blocking and bounded in time: callers
 * run it on a worker executor, never on an event loop.
 */
public interface StoreProbe {

    /**
     * Probes once (or answers from a cache, if the implementation has one).
     *
     * @return the verdict; failures of the store or the network are verdicts, not exceptions
     * @throws InvalidProbeSettings if the target cannot be probed as given
     */
    ProbeVerdict probe(ProbeTarget target, Credential credential);
}
