package dev.credrift.reconciler.probe;

import dev.credrift.events.credential.Credential;
import dev.credrift.events.credential.Fingerprint;
import dev.credrift.events.credential.Fingerprinter;
import dev.credrift.events.credential.SecretValue;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers repeated probes of the same credential at the same target from memory for a short while, so
 * that a burst of events for one binding (or many bindings sharing one key) costs the store one request.
 * Keyed by target and credential {@link Fingerprint} — never by the secret itself. Every verdict is
 * cached, including {@code Unreachable}: a store that is down is not hammered either.
 *
 * <p>Thread-safe. Concurrent misses for one key may each probe; the last answer wins.
 */
public final class CachingStoreProbe implements StoreProbe {

    /** How long a verdict is reused by default. */
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(30);
    // above this many entries, expired ones are swept on the next insert
    private static final int SWEEP_ABOVE = 1024;

    private final StoreProbe delegate;
    private final Clock clock;
    private final Duration ttl;
    private final Fingerprinter fingerprinter;
    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

    private record Key(ProbeTarget target, Fingerprint credential) {}

    private record Entry(ProbeVerdict verdict, Instant obtainedAt, Instant expiresAt) {}

    /** Caches for {@link #DEFAULT_TTL}, keyed with a fingerprint key drawn at random for this cache. */
    public CachingStoreProbe(StoreProbe delegate, Clock clock) {
        this(delegate, clock, DEFAULT_TTL, new Fingerprinter(randomKey()));
    }

    /**
     * @param delegate the probe that asks the store
     * @param clock decides when entries expire
     * @param ttl how long a verdict is reused; must be positive
     * @param fingerprinter keys entries by credential fingerprint (the process's fingerprint key, or any)
     */
    public CachingStoreProbe(StoreProbe delegate, Clock clock, Duration ttl, Fingerprinter fingerprinter) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.fingerprinter = Objects.requireNonNull(fingerprinter, "fingerprinter");
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new InvalidProbeSettings("probe cache ttl", "must be positive, got " + ttl);
        }
        this.ttl = ttl;
    }

    @Override
    public ProbeVerdict probe(ProbeTarget target, Credential credential) {
        return probeNotOlderThan(target, credential, Instant.MIN);
    }

    /**
     * Reuses a verdict only if it is still within its time to live and was obtained at or after {@code evidenceAt};
     * otherwise asks the store. A burst of handlings after one change still costs one probe: the first asks, the
     * others (whose evidence is older than its answer) reuse it.
     */
    @Override
    public ProbeVerdict probeNotOlderThan(ProbeTarget target, Credential credential, Instant evidenceAt) {
        Objects.requireNonNull(evidenceAt, "evidenceAt");
        Key key = new Key(Objects.requireNonNull(target, "target"), fingerprinter.fingerprint(credential));
        Entry cached = entries.get(key);
        if (cached != null
                && clock.instant().isBefore(cached.expiresAt())
                && !cached.obtainedAt().isBefore(evidenceAt)) {
            return cached.verdict();
        }
        Instant asked = clock.instant();
        ProbeVerdict verdict = delegate.probe(target, credential);
        if (entries.size() >= SWEEP_ABOVE) {
            Instant now = clock.instant();
            entries.values().removeIf(entry -> !now.isBefore(entry.expiresAt()));
        }
        entries.put(key, new Entry(verdict, asked, asked.plus(ttl)));
        return verdict;
    }

    /** Asks the store (no cached verdict is as new as {@link Instant#MAX}) and caches the answer. */
    @Override
    public ProbeVerdict probeFresh(ProbeTarget target, Credential credential) {
        return probeNotOlderThan(target, credential, Instant.MAX);
    }

    // temporary keys are new with every session: nothing to reuse
    @Override
    public ProbeVerdict probe(ProbeTarget target, Credential credential, SecretValue sessionToken) {
        return delegate.probe(target, credential, sessionToken);
    }

    /** Forgets the verdict for this credential at this target: the next probe asks the store. */
    public void invalidate(ProbeTarget target, Credential credential) {
        entries.remove(new Key(target, fingerprinter.fingerprint(credential)));
    }

    /** Forgets every verdict. */
    public void invalidateAll() {
        entries.clear();
    }

    @Override
    public String toString() {
        return "CachingStoreProbe[ttl=" + ttl + ", entries=" + entries.size() + ", " + delegate + "]";
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
