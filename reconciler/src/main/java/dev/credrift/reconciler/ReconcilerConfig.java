package dev.credrift.reconciler;

import dev.credrift.connect.ConnectClientConfig;
import dev.credrift.events.Topics;
import dev.credrift.events.audit.AuditKeys;
import dev.credrift.events.credential.Fingerprinter;
import dev.credrift.reconciler.handle.Flapping;
import dev.credrift.reconciler.probe.ProbeTimeouts;
import dev.credrift.reconciler.resilience.GuardSettings;
import dev.credrift.reconciler.resilience.RetryPolicy;
import dev.credrift.reconciler.step.StepTimings;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How the reconciler runs. Start from {@link #defaults(Fingerprinter, ConnectClientConfig)} and change what differs
 * with the {@code with…} methods; every default is a safe one (few concurrent remediations, budgeted rollouts,
 * bounded waits).
 *
 * @param fingerprinter computes fingerprints with the deployment's fingerprint key
 * @param topics        topic names
 * @param groupId       the consumer group of the reconcilers
 * @param kafka         extra Kafka client settings (security, say) for every client the reconciler makes
 * @param connect       credrift's 1Password Connect server
 * @param concurrency   how much runs at once
 * @param guarding      retry, circuit breaker and time limit per external system
 * @param limits        rollout and vault-write rate limits
 * @param retry         when failed remediations are tried again, and when repeated failure halts
 * @param timings       how long steps wait and how often they look
 * @param consumers     how consumer freshness is judged
 * @param probing       store probe bounds and cache
 * @param startup       reading the journal and the audit tail at start
 * @param eventSource   the CloudEvents {@code source} of everything the reconciler publishes
 * @param instance      this replica's name in Kubernetes Events ({@code reportingInstance})
 * @param clock         where every time comes from
 * @param stepHook      a seam at step boundaries (tests inject crashes there); {@link StepHook#NONE} in production
 * @param auditKeys     the audit key that seals new audit records and the previous ones that still verify resumed
 *                      heads; {@link AuditKeys#none()} chains with plain SHA-256 (no tamper evidence)
 */
public record ReconcilerConfig(
        Fingerprinter fingerprinter,
        Topics topics,
        String groupId,
        Map<String, String> kafka,
        ConnectClientConfig connect,
        Concurrency concurrency,
        Guarding guarding,
        Limits limits,
        RetryPolicy retry,
        StepTimings timings,
        Consumers consumers,
        Probing probing,
        Startup startup,
        URI eventSource,
        String instance,
        Clock clock,
        StepHook stepHook,
        AuditKeys auditKeys) {

    public static final String DEFAULT_GROUP_ID = "credrift-reconciler";
    public static final URI DEFAULT_EVENT_SOURCE = URI.create("urn:credrift:reconciler");

    public ReconcilerConfig {
        Objects.requireNonNull(fingerprinter, "fingerprinter");
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(groupId, "groupId");
        kafka = Map.copyOf(Objects.requireNonNull(kafka, "kafka"));
        Objects.requireNonNull(connect, "connect");
        Objects.requireNonNull(concurrency, "concurrency");
        Objects.requireNonNull(guarding, "guarding");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(timings, "timings");
        Objects.requireNonNull(consumers, "consumers");
        Objects.requireNonNull(probing, "probing");
        Objects.requireNonNull(startup, "startup");
        Objects.requireNonNull(eventSource, "eventSource");
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(stepHook, "stepHook");
        Objects.requireNonNull(auditKeys, "auditKeys");
        if (groupId.isBlank()) {
            throw new IllegalArgumentException("groupId must not be blank");
        }
    }

    /** Safe defaults; the Connect server and the fingerprint key have none. */
    public static ReconcilerConfig defaults(Fingerprinter fingerprinter, ConnectClientConfig connect) {
        return new ReconcilerConfig(
                fingerprinter,
                Topics.defaults(),
                DEFAULT_GROUP_ID,
                Map.of(),
                connect,
                Concurrency.defaults(),
                Guarding.defaults(),
                Limits.defaults(),
                RetryPolicy.defaults(),
                StepTimings.defaults(),
                Consumers.defaults(),
                Probing.defaults(),
                Startup.defaults(),
                DEFAULT_EVENT_SOURCE,
                defaultInstance(),
                Clock.systemUTC(),
                StepHook.NONE,
                AuditKeys.none());
    }

    public ReconcilerConfig withTopics(Topics value) {
        return new ReconcilerConfig(
                fingerprinter,
                value,
                groupId,
                kafka,
                connect,
                concurrency,
                guarding,
                limits,
                retry,
                timings,
                consumers,
                probing,
                startup,
                eventSource,
                instance,
                clock,
                stepHook,
                auditKeys);
    }

    public ReconcilerConfig withGroupId(String value) {
        return new ReconcilerConfig(
                fingerprinter,
                topics,
                value,
                kafka,
                connect,
                concurrency,
                guarding,
                limits,
                retry,
                timings,
                consumers,
                probing,
                startup,
                eventSource,
                instance,
                clock,
                stepHook,
                auditKeys);
    }

    public ReconcilerConfig withKafka(Map<String, String> value) {
        return new ReconcilerConfig(
                fingerprinter,
                topics,
                groupId,
                value,
                connect,
                concurrency,
                guarding,
                limits,
                retry,
                timings,
                consumers,
                probing,
                startup,
                eventSource,
                instance,
                clock,
                stepHook,
                auditKeys);
    }

    public ReconcilerConfig withConcurrency(Concurrency value) {
        return new ReconcilerConfig(
                fingerprinter,
                topics,
                groupId,
                kafka,
                connect,
                value,
                guarding,
                limits,
                retry,
                timings,
                consumers,
                probing,
                startup,
                eventSource,
                instance,
                clock,
                stepHook,
                auditKeys);
    }

    public ReconcilerConfig withGuarding(Guarding value) {
        return new ReconcilerConfig(
                fingerprinter,
                topics,
                groupId,
                kafka,
                connect,
                concurrency,
                value,
                limits,
                retry,
                timings,
                consumers,
                probing,
                startup,
                eventSource,
                instance,
                clock,
                stepHook,
                auditKeys);
    }

    public ReconcilerConfig withLimits(Limits value) {
        return new ReconcilerConfig(
                fingerprinter,
                topics,
                groupId,
                kafka,
                connect,
                concurrency,
                guarding,
                value,
                retry,
                timings,
                consumers,
                probing,
                startup,
                eventSource,
                instance,
                clock,
                stepHook,
                auditKeys);
    }

    public ReconcilerConfig withRetry(RetryPolicy value) {
        return new ReconcilerConfig(
                fingerprinter,
                topics,
                groupId,
                kafka,
                connect,
                concurrency,
                guarding,
                limits,
                value,
                timings,
                consumers,
                probing,
                startup,
                eventSource,
                instance,
                clock,
                stepHook,
                auditKeys);
    }

    public ReconcilerConfig withTimings(StepTimings value) {
        return new ReconcilerConfig(
                fingerprinter,
                topics,
                groupId,
                kafka,
                connect,
                concurrency,
                guarding,
                limits,
                retry,
                value,
                consumers,
                probing,
                startup,
                eventSource,
                instance,
                clock,
                stepHook,
                auditKeys);
    }

    public ReconcilerConfig withConsumers(Consumers value) {
        return new ReconcilerConfig(
                fingerprinter,
                topics,
                groupId,
                kafka,
                connect,
                concurrency,
                guarding,
                limits,
                retry,
                timings,
                value,
                probing,
                startup,
                eventSource,
                instance,
                clock,
                stepHook,
                auditKeys);
    }

    public ReconcilerConfig withProbing(Probing value) {
        return new ReconcilerConfig(
                fingerprinter,
                topics,
                groupId,
                kafka,
                connect,
                concurrency,
                guarding,
                limits,
                retry,
                timings,
                consumers,
                value,
                startup,
                eventSource,
                instance,
                clock,
                stepHook,
                auditKeys);
    }

    public ReconcilerConfig withStartup(Startup value) {
        return new ReconcilerConfig(
                fingerprinter,
                topics,
                groupId,
                kafka,
                connect,
                concurrency,
                guarding,
                limits,
                retry,
                timings,
                consumers,
                probing,
                value,
                eventSource,
                instance,
                clock,
                stepHook,
                auditKeys);
    }

    public ReconcilerConfig withInstance(String value) {
        return new ReconcilerConfig(
                fingerprinter,
                topics,
                groupId,
                kafka,
                connect,
                concurrency,
                guarding,
                limits,
                retry,
                timings,
                consumers,
                probing,
                startup,
                eventSource,
                value,
                clock,
                stepHook,
                auditKeys);
    }

    public ReconcilerConfig withClock(Clock value) {
        return new ReconcilerConfig(
                fingerprinter,
                topics,
                groupId,
                kafka,
                connect,
                concurrency,
                guarding,
                limits,
                retry,
                timings,
                consumers,
                probing,
                startup,
                eventSource,
                instance,
                value,
                stepHook,
                auditKeys);
    }

    public ReconcilerConfig withStepHook(StepHook value) {
        return new ReconcilerConfig(
                fingerprinter,
                topics,
                groupId,
                kafka,
                connect,
                concurrency,
                guarding,
                limits,
                retry,
                timings,
                consumers,
                probing,
                startup,
                eventSource,
                instance,
                clock,
                value,
                auditKeys);
    }

    public ReconcilerConfig withAuditKeys(AuditKeys value) {
        return new ReconcilerConfig(
                fingerprinter,
                topics,
                groupId,
                kafka,
                connect,
                concurrency,
                guarding,
                limits,
                retry,
                timings,
                consumers,
                probing,
                startup,
                eventSource,
                instance,
                clock,
                stepHook,
                value);
    }

    private static String defaultInstance() {
        String pod = System.getenv("POD_NAME");
        if (pod != null && !pod.isBlank()) {
            return pod;
        }
        String host = System.getenv("HOSTNAME");
        return host == null || host.isBlank() ? "credrift-reconciler" : host;
    }

    /**
     * @param maxConcurrentBindings the bulkhead: bindings being assessed at once; a handling returns its permit once
     *                              assessed, so remediations and their awaits hold none (issue 13)
     * @param workerPoolSize        threads for blocking calls (Kubernetes, 1Password, store)
     * @param maxInFlightRecords    the consumer pauses above this many records not yet durable
     * @param commitInterval        how often durable offsets are committed
     */
    public record Concurrency(
            int maxConcurrentBindings, int workerPoolSize, int maxInFlightRecords, Duration commitInterval) {

        public Concurrency {
            if (maxConcurrentBindings < 1 || workerPoolSize < 1 || maxInFlightRecords < 2) {
                throw new IllegalArgumentException("concurrency: bindings >= 1, workers >= 1, in-flight records >= 2");
            }
            Objects.requireNonNull(commitInterval, "commitInterval");
        }

        /** 8 bindings at once, 8 worker threads, pause above 1000 records, commit every second. */
        public static Concurrency defaults() {
            return new Concurrency(8, 8, 1000, Duration.ofSeconds(1));
        }
    }

    /** Retry, circuit breaker and time limit per external system. */
    public record Guarding(GuardSettings kubernetes, GuardSettings onePassword, GuardSettings store) {

        public Guarding {
            Objects.requireNonNull(kubernetes, "kubernetes");
            Objects.requireNonNull(onePassword, "onePassword");
            Objects.requireNonNull(store, "store");
        }

        /**
         * {@link GuardSettings#defaults()} for each; 1Password gets 60 s per try (a write waits for its read-back),
         * the store 20 s (a probe is bounded by its own 15 s call timeout).
         */
        public static Guarding defaults() {
            return new Guarding(
                    GuardSettings.defaults(),
                    GuardSettings.defaults().withTimeLimit(Duration.ofSeconds(60)),
                    GuardSettings.defaults().withTimeLimit(Duration.ofSeconds(20)));
        }
    }

    /**
     * @param globalRolloutsPerHour workload restarts per hour across all bindings (per-binding budgets are in each
     *                              binding's {@code rollout.maxPerHour})
     * @param vaultWritesPerMinute  1Password writes per minute across all bindings
     * @param vaultWriteWait        how long a write may wait for the vault-write limiter
     * @param flapping              how many superseded remediations in what window halt a binding (SOURCE_FLAPPING)
     */
    public record Limits(
            int globalRolloutsPerHour, int vaultWritesPerMinute, Duration vaultWriteWait, Flapping flapping) {

        public Limits {
            if (globalRolloutsPerHour < 1 || vaultWritesPerMinute < 1) {
                throw new IllegalArgumentException("limits must be at least 1");
            }
            Objects.requireNonNull(vaultWriteWait, "vaultWriteWait");
            Objects.requireNonNull(flapping, "flapping");
        }

        /** With the default flapping limit ({@link Flapping#defaults()}). */
        public Limits(int globalRolloutsPerHour, int vaultWritesPerMinute, Duration vaultWriteWait) {
            this(globalRolloutsPerHour, vaultWritesPerMinute, vaultWriteWait, Flapping.defaults());
        }

        /** 20 restarts per hour, 30 vault writes per minute (waiting up to 10 s), flapping above 5 in 10 min. */
        public static Limits defaults() {
            return new Limits(20, 30, Duration.ofSeconds(10));
        }

        public Limits withFlapping(Flapping value) {
            return new Limits(globalRolloutsPerHour, vaultWritesPerMinute, vaultWriteWait, value);
        }
    }

    /**
     * @param notReadyGrace       a pod not ready this long after its start counts as stale
     * @param volumeMountsRefresh whether consumers reading the replica only as a whole-Secret volume pick up changes
     *                            without a restart (off: most S3 clients read credentials once)
     * @param startingRecheck     how soon to look again at a binding whose consumers are starting
     */
    public record Consumers(Duration notReadyGrace, boolean volumeMountsRefresh, Duration startingRecheck) {

        public Consumers {
            Objects.requireNonNull(notReadyGrace, "notReadyGrace");
            Objects.requireNonNull(startingRecheck, "startingRecheck");
        }

        /** 2 min grace, volume mounts not trusted to refresh, re-look after 30 s. */
        public static Consumers defaults() {
            return new Consumers(Duration.ofMinutes(2), false, Duration.ofSeconds(30));
        }
    }

    /**
     * @param timeouts        bounds of one probe
     * @param cacheTtl        how long a verdict is reused per credential fingerprint and target
     * @param identityRecheck how often a role-based binding (web identity) is exchanged and probed again: its trust
     *                        policy lives outside the cluster, so no observation says when it changed
     * @param storeRecheck    how soon a binding is probed again (bypassing the cache) while the store refuses its
     *                        authority or lacks its account: reinstating a user is seen by no watcher (issue 12)
     */
    public record Probing(ProbeTimeouts timeouts, Duration cacheTtl, Duration identityRecheck, Duration storeRecheck) {

        public Probing {
            Objects.requireNonNull(timeouts, "timeouts");
            Objects.requireNonNull(cacheTtl, "cacheTtl");
            Objects.requireNonNull(identityRecheck, "identityRecheck");
            Objects.requireNonNull(storeRecheck, "storeRecheck");
            if (identityRecheck.isNegative() || identityRecheck.isZero()) {
                throw new IllegalArgumentException("identityRecheck must be positive");
            }
            if (storeRecheck.isNegative() || storeRecheck.isZero()) {
                throw new IllegalArgumentException("storeRecheck must be positive");
            }
        }

        /** Store-side refusals probed again every 30 s (see {@link #DEFAULT_STORE_RECHECK}). */
        public Probing(ProbeTimeouts timeouts, Duration cacheTtl, Duration identityRecheck) {
            this(timeouts, cacheTtl, identityRecheck, DEFAULT_STORE_RECHECK);
        }

        /** Role-based bindings verified again every 5 minutes. */
        public Probing(ProbeTimeouts timeouts, Duration cacheTtl) {
            this(timeouts, cacheTtl, Duration.ofMinutes(5));
        }

        /**
         * A refused authority is an alert that stays until the store changes; 30 s keeps a stale "rejected" short
         * (well under a human's reaction to the alert) for one cheap probe per refused binding per interval.
         */
        public static final Duration DEFAULT_STORE_RECHECK = Duration.ofSeconds(30);

        public static Probing defaults() {
            return new Probing(ProbeTimeouts.DEFAULT, Duration.ofSeconds(30));
        }

        public Probing withIdentityRecheck(Duration every) {
            return new Probing(timeouts, cacheTtl, every, storeRecheck);
        }

        public Probing withStoreRecheck(Duration every) {
            return new Probing(timeouts, cacheTtl, identityRecheck, every);
        }
    }

    /**
     * @param readTimeout       the longest reading the state topic (and the audit tail) may take at start
     * @param auditTailRecords  records per audit partition read at start to find chain heads newer than the journal
     */
    public record Startup(Duration readTimeout, long auditTailRecords) {

        public Startup {
            Objects.requireNonNull(readTimeout, "readTimeout");
            if (auditTailRecords < 0) {
                throw new IllegalArgumentException("auditTailRecords must not be negative");
            }
        }

        public static Startup defaults() {
            return new Startup(Duration.ofSeconds(60), 1000);
        }
    }
}
