package dev.credrift.reconciler.it;

import dev.credrift.events.credential.Credential;
import dev.credrift.events.credential.Fingerprinter;
import dev.credrift.sandbox.s3.S3StoreStandIn;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What credrift wrote where, each judged by the store at the moment it was written: vault writes (seen by the
 * 1Password emulator while it stores them) and rollouts (a workload's {@code restartedAt} changed; judged with the
 * key its new pods will read). Also when the test last changed each store user, so that a write the store refused
 * only because the world changed a moment before it ({@link #RACE}) is told apart from one it refused all along.
 */
final class WriteRecords {

    /** A refusal younger than this at the write is a race no verification can close, not a violation. */
    static final Duration RACE = Duration.ofMillis(300);

    /** One write: where, which key (fingerprint), the store's refusal then (empty: accepted), and whether it raced. */
    record Judged(Instant at, String where, String fingerprint, Optional<String> refusal, boolean raced) {

        @Override
        public String toString() {
            return where + " got " + fingerprint
                    + (refusal.isEmpty()
                            ? " (accepted)"
                            : " while the store answered " + refusal.get()
                                    + (raced ? " (changed < " + RACE.toMillis() + " ms before: a race)" : ""));
        }
    }

    private final S3StoreStandIn store;
    private final String bucket;
    private final Fingerprinter fingerprinter;
    private final List<Judged> vaultWrites = new CopyOnWriteArrayList<>();
    private final List<Judged> rollouts = new CopyOnWriteArrayList<>();
    private final Map<String, Instant> storeChanged = new ConcurrentHashMap<>();

    WriteRecords(S3StoreStandIn store, String bucket, Fingerprinter fingerprinter) {
        this.store = store;
        this.bucket = bucket;
        this.fingerprinter = fingerprinter;
    }

    /** The test is about to change the store's view of {@code user} (rotate, suspend, reinstate). */
    void storeChanging(String user) {
        storeChanged.put(user, Instant.now());
    }

    void vaultWritten(String item, String user, Credential written) {
        vaultWrites.add(judge("1Password item " + item, user, written));
    }

    void rolledOut(String workload, String user, Credential replica) {
        rollouts.add(judge("rollout of Deployment " + workload, user, replica));
    }

    List<Judged> vaultWrites() {
        return List.copyOf(vaultWrites);
    }

    List<Judged> rollouts() {
        return List.copyOf(rollouts);
    }

    /** Rollouts of a workload so far. */
    long rolloutsOf(String workload) {
        return rollouts.stream().filter(r -> r.where().endsWith(" " + workload)).count();
    }

    private Judged judge(String where, String user, Credential credential) {
        Instant now = Instant.now();
        Optional<String> refusal = store.refusal(credential, bucket);
        Instant changed = storeChanged.get(user);
        boolean raced = refusal.isPresent()
                && changed != null
                && Duration.between(changed, now).compareTo(RACE) < 0;
        return new Judged(now, where, fingerprinter.fingerprint(credential).toString(), refusal, raced);
    }
}
