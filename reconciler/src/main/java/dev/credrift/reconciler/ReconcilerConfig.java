package dev.credrift.reconciler;

import dev.credrift.connect.ConnectClientConfig;
import dev.credrift.events.Topics;
import dev.credrift.events.audit.AuditKeys;
import dev.credrift.events.credential.Fingerprinter;
import dev.credrift.reconciler.handle.Flapping;
import dev.credrift.reconciler.probe.Probing;
import dev.credrift.reconciler.resilience.GuardSettings;
import dev.credrift.reconciler.resilience.RetryPolicy;
import dev.credrift.reconciler.step.StepTimings;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

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
        return with(c -> c.topics = value);
    }

    public ReconcilerConfig withGroupId(String value) {
        return with(c -> c.groupId = value);
    }

    public ReconcilerConfig withKafka(Map<String, String> value) {
        return with(c -> c.kafka = value);
    }

    public ReconcilerConfig withConcurrency(Concurrency value) {
        return with(c -> c.concurrency = value);
    }

    public ReconcilerConfig withGuarding(Guarding value) {
        return with(c -> c.guarding = value);
    }

    public ReconcilerConfig withLimits(Limits value) {
        return with(c -> c.limits = value);
    }

    public ReconcilerConfig withRetry(RetryPolicy value) {
        return with(c -> c.retry = value);
    }

    public ReconcilerConfig withTimings(StepTimings value) {
        return with(c -> c.timings = value);
    }

    public ReconcilerConfig withConsumers(Consumers value) {
        return with(c -> c.consumers = value);
    }

    public ReconcilerConfig withProbing(Probing value) {
        return with(c -> c.probing = value);
    }

    public ReconcilerConfig withStartup(Startup value) {
        return with(c -> c.startup = value);
    }

    public ReconcilerConfig withInstance(String value) {
        return with(c -> c.instance = value);
    }

    public ReconcilerConfig withClock(Clock value) {
        return with(c -> c.clock = value);
    }

    public ReconcilerConfig withStepHook(StepHook value) {
        return with(c -> c.stepHook = value);
    }

    public ReconcilerConfig withAuditKeys(AuditKeys value) {
        return with(c -> c.auditKeys = value);
    }

    private ReconcilerConfig with(Consumer<Copy> change) {
        Copy copy = new Copy(this);
        change.accept(copy);
        return copy.build();
    }

    /**
     * A mutable copy for the {@code with…} methods, so that each names only the component it changes instead of
     * repeating all eighteen (and a component added later is copied in one place).
     */
    private static final class Copy {
        Fingerprinter fingerprinter;
        Topics topics;
        String groupId;
        Map<String, String> kafka;
        ConnectClientConfig connect;
        Concurrency concurrency;
        Guarding guarding;
        Limits limits;
        RetryPolicy retry;
        StepTimings timings;
        Consumers consumers;
        Probing probing;
        Startup startup;
        URI eventSource;
        String instance;
        Clock clock;
        StepHook stepHook;
        AuditKeys auditKeys;

        Copy(ReconcilerConfig from) {
            fingerprinter = from.fingerprinter;
            topics = from.topics;
            groupId = from.groupId;
            kafka = from.kafka;
            connect = from.connect;
            concurrency = from.concurrency;
            guarding = from.guarding;
            limits = from.limits;
            retry = from.retry;
            timings = from.timings;
            consumers = from.consumers;
            probing = from.probing;
            startup = from.startup;
            eventSource = from.eventSource;
            instance = from.instance;
            clock = from.clock;
            stepHook = from.stepHook;
            auditKeys = from.auditKeys;
        }

        ReconcilerConfig build() {
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
                    auditKeys);
        }
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
