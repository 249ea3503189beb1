package dev.credrift.reconciler.probe;

import dev.credrift.events.credential.Credential;
import dev.credrift.events.credential.SecretValue;
import java.time.Instant;

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

    /**
     * Probes, reusing a cached verdict only if it was obtained at or after {@code evidenceAt}: evidence that a hop
     * changed at that moment makes every older verdict on the binding's credentials worthless (architecture.md §5.1 rule 3).
     * A probe without a cache always asks the store.
     */
    default ProbeVerdict probeNotOlderThan(ProbeTarget target, Credential credential, Instant evidenceAt) {
        return probe(target, credential);
    }

    /**
     * Asks the store now, whatever a cache holds (a cache keeps the answer for the next ones): the point of no return
     * and the proofs of a rotation, where a verdict from before the change being proved is worthless.
     */
    default ProbeVerdict probeFresh(ProbeTarget target, Credential credential) {
        return probe(target, credential);
    }

    /**
     * Probes with temporary keys from STS, whose session token is sent with every request (role-based bindings,
     * stories 4 and 5). Never cached: every session's keys are new.
     *
     * @throws UnsupportedOperationException if this probe cannot send a session token
     */
    default ProbeVerdict probe(ProbeTarget target, Credential credential, SecretValue sessionToken) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot probe with a session token");
    }
}
