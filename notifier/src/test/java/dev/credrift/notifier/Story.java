package dev.credrift.notifier;

import dev.credrift.events.BindingId;
import dev.credrift.events.CredriftEvent;
import dev.credrift.events.Fixtures;
import dev.credrift.events.payload.AttentionRequired;
import dev.credrift.events.payload.Authority;
import dev.credrift.events.payload.BackInSync;
import dev.credrift.events.payload.DriftClass;
import dev.credrift.events.payload.DriftDetected;
import dev.credrift.events.payload.EventPayload;
import dev.credrift.events.payload.HopFingerprints;
import dev.credrift.events.payload.PlannedStep;
import dev.credrift.events.payload.RemediationFailed;
import dev.credrift.events.payload.RemediationHalted;
import dev.credrift.events.payload.RemediationPlanned;
import dev.credrift.events.payload.RemediationStarted;
import dev.credrift.events.payload.RemediationStepFinished;
import dev.credrift.events.payload.RemediationSucceeded;
import dev.credrift.events.payload.StepKind;
import dev.credrift.events.payload.StoreVerdict;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Outcome stories as the reconciler tells them, with fixed ids and times so that rendered messages are
 * stable: {@code <prefix>-1}, {@code <prefix>-2} … one second apart from {@link #T0}.
 */
public final class Story {

    public static final Instant T0 = Instant.parse("2026-11-21T09:17:02Z");
    public static final URI RECONCILER = URI.create("urn:credrift:reconciler");
    public static final BindingId LOKI = Fixtures.LOKI;
    public static final String REM = "rem-7c1d";

    public static final List<PlannedStep> VAULT_PLAN = List.of(
            new PlannedStep(StepKind.PROBE_STORE, "store https://rook-ceph-rgw-storage.storage.svc bucket loki-chunks"),
            new PlannedStep(StepKind.WRITE_VAULT, "1Password Infrastructure/loki-s3-config"),
            new PlannedStep(StepKind.FORCE_SYNC, "ExternalSecret monitoring/loki-s3-credentials"),
            new PlannedStep(StepKind.AWAIT_REPLICA, "Secret monitoring/loki-s3-credentials"),
            new PlannedStep(StepKind.ROLL_OUT, "StatefulSet monitoring/loki"),
            new PlannedStep(StepKind.AWAIT_READY, "StatefulSet monitoring/loki"));

    private final String prefix;
    private final BindingId binding;
    private final String remediationId;
    private final List<CredriftEvent> events = new ArrayList<>();

    public Story(String prefix, BindingId binding, String remediationId) {
        this.prefix = prefix;
        this.binding = binding;
        this.remediationId = remediationId;
    }

    public static Story of(String prefix) {
        return new Story(prefix, LOKI, REM);
    }

    public List<CredriftEvent> events() {
        return List.copyOf(events);
    }

    public CredriftEvent last() {
        return events.get(events.size() - 1);
    }

    public BindingId binding() {
        return binding;
    }

    public Story add(EventPayload payload) {
        int n = events.size() + 1;
        events.add(new CredriftEvent(prefix + "-" + n, RECONCILER, T0.plusSeconds(n - 1), remediationId, payload));
        return this;
    }

    public Story drift(
            DriftClass driftClass,
            Authority authority,
            HopFingerprints fingerprints,
            StoreVerdict verdict,
            String detail) {
        return add(new DriftDetected(binding, driftClass, authority, fingerprints, verdict, detail));
    }

    /** Rook rotated; 1Password and the replica still hold the stale key. */
    public Story vaultStale() {
        return drift(
                DriftClass.VAULT_STALE,
                Authority.SOURCE,
                new HopFingerprints(
                        Fixtures.fp(Fixtures.ROTATED), Fixtures.fp(Fixtures.STALE), Fixtures.fp(Fixtures.STALE)),
                StoreVerdict.ACCEPTED,
                "1Password holds 8ZKP\u2026D2QX, the source holds Q5L0\u2026W1ZK");
    }

    public Story plan(boolean dryRun, List<PlannedStep> steps) {
        return add(new RemediationPlanned(binding, remediationId, DriftClass.VAULT_STALE, dryRun, steps));
    }

    public Story started(int steps) {
        return add(new RemediationStarted(binding, remediationId, DriftClass.VAULT_STALE, steps, false));
    }

    public Story step(
            int index,
            StepKind kind,
            String target,
            RemediationStepFinished.Result result,
            long millis,
            String detail) {
        return add(new RemediationStepFinished(binding, remediationId, index, kind, target, result, millis, detail));
    }

    public Story allStepsDone(List<PlannedStep> plan) {
        long[] millis = {1_200, 2_300, 150, 8_000, 4_100, 42_000};
        for (int i = 0; i < plan.size(); i++) {
            step(
                    i,
                    plan.get(i).kind(),
                    plan.get(i).target(),
                    RemediationStepFinished.Result.DONE,
                    millis[i % millis.length],
                    null);
        }
        return this;
    }

    public Story succeeded(Duration took) {
        return add(new RemediationSucceeded(binding, remediationId, Fixtures.fp(Fixtures.ROTATED), took.toMillis()));
    }

    public Story failed(String code, String detail, boolean willRetry) {
        return add(new RemediationFailed(binding, remediationId, 3, StepKind.AWAIT_REPLICA, code, detail, willRetry));
    }

    public Story halted(RemediationHalted.Reason reason, String detail) {
        return add(new RemediationHalted(binding, remediationId, reason, detail));
    }

    public Story backInSync(String remediation, Instant driftedSince) {
        return add(new BackInSync(binding, Fixtures.fp(Fixtures.ROTATED), remediation, driftedSince));
    }

    // ---- the stories ----

    /** Loki / Rook / 1Password (story 1 of docs/architecture.md §1), healed. */
    public static Story healed(String prefix, BindingId binding) {
        Story story = new Story(prefix, binding, "rem-" + prefix);
        story.vaultStale()
                .plan(false, VAULT_PLAN)
                .started(VAULT_PLAN.size())
                .allStepsDone(VAULT_PLAN)
                .succeeded(Duration.ofSeconds(65))
                .backInSync("rem-" + prefix, null);
        return story;
    }

    public static Story healed() {
        Story story = of("evt");
        story.vaultStale()
                .plan(false, VAULT_PLAN)
                .started(VAULT_PLAN.size())
                .allStepsDone(VAULT_PLAN)
                .succeeded(Duration.ofSeconds(65));
        return story;
    }

    /** ESO never updated the replica. */
    public static Story failed() {
        Story story = of("evt");
        story.vaultStale()
                .plan(false, VAULT_PLAN)
                .started(VAULT_PLAN.size())
                .step(
                        0,
                        StepKind.PROBE_STORE,
                        VAULT_PLAN.get(0).target(),
                        RemediationStepFinished.Result.DONE,
                        900,
                        null)
                .step(
                        1,
                        StepKind.WRITE_VAULT,
                        VAULT_PLAN.get(1).target(),
                        RemediationStepFinished.Result.ALREADY_DONE,
                        0,
                        null)
                .step(
                        2,
                        StepKind.FORCE_SYNC,
                        VAULT_PLAN.get(2).target(),
                        RemediationStepFinished.Result.DONE,
                        120,
                        null)
                .step(
                        3,
                        StepKind.AWAIT_REPLICA,
                        VAULT_PLAN.get(3).target(),
                        RemediationStepFinished.Result.FAILED,
                        300_000,
                        "the replica still holds 8ZKP\u2026D2QX after 5 min")
                .failed(
                        "REPLICA_NOT_UPDATED",
                        "ESO did not write the new key into Secret monitoring/loki-s3-credentials"
                                + " within 5 min; its status says SecretSyncedError",
                        false);
        return story;
    }

    /** The readiness gate failed after the rollout. */
    public static Story halted() {
        Story story = of("evt");
        story.vaultStale()
                .plan(false, VAULT_PLAN)
                .started(VAULT_PLAN.size())
                .allStepsDone(VAULT_PLAN.subList(0, 5))
                .step(
                        5,
                        StepKind.AWAIT_READY,
                        VAULT_PLAN.get(5).target(),
                        RemediationStepFinished.Result.FAILED,
                        300_000,
                        "1/2 pods ready; loki-1 logs InvalidAccessKeyId")
                .halted(
                        RemediationHalted.Reason.READINESS_GATE_FAILED,
                        "StatefulSet monitoring/loki did not become ready within 5m. Clear the halt with"
                                + " kubectl annotate credentialbinding loki-s3 credrift.dev/halt-");
        return story;
    }

    /** Observe mode: the plan, not carried out. */
    public static Story dryRun() {
        Story story = of("evt");
        story.vaultStale().plan(true, VAULT_PLAN);
        return story;
    }

    /** Someone fixed the vault by hand before credrift did anything. */
    public static Story backInSyncByHand() {
        Story story = new Story("evt", LOKI, null);
        story.vaultStale().backInSync(null, T0);
        return story;
    }

    /** Text of the reconciler's alert for a paused consumer (issue 12). */
    public static final String PAUSED =
            "Deployment monitoring/loki-read is paused: not rolled; resume it or restart" + " its pods";

    /** Consumers are stale and their Deployment is paused: the drift, then the alert that follows it. */
    public static Story consumerPaused() {
        Story story = new Story("evt", LOKI, null);
        story.drift(
                DriftClass.CONSUMERS_STALE,
                Authority.SOURCE,
                new HopFingerprints(
                        Fixtures.fp(Fixtures.ROTATED), Fixtures.fp(Fixtures.ROTATED), Fixtures.fp(Fixtures.ROTATED)),
                StoreVerdict.ACCEPTED,
                "Deployment monitoring/loki-read: pod loki-read-0 not ready: the store refuses the credential it reads");
        story.add(new AttentionRequired(LOKI, AttentionRequired.Reason.CONSUMER_PAUSED, PAUSED));
        return story;
    }

    /** An alert-only drift of this class, as the reconciler reports it. */
    public static Story alert(DriftClass driftClass) {
        Story story = new Story("evt", LOKI, null);
        switch (driftClass) {
            case AUTHORITY_REJECTED ->
                story.drift(
                        driftClass,
                        Authority.VAULT,
                        new HopFingerprints(null, Fixtures.fp(Fixtures.STALE), Fixtures.fp(Fixtures.STALE)),
                        StoreVerdict.INVALID_ACCESS_KEY_ID,
                        "the store answers InvalidAccessKeyId for the vault's key 8ZKP\u2026D2QX");
            case ENDPOINT_UNTRUSTED ->
                story.drift(
                        driftClass,
                        Authority.SOURCE,
                        new HopFingerprints(
                                Fixtures.fp(Fixtures.ROTATED),
                                Fixtures.fp(Fixtures.ROTATED),
                                Fixtures.fp(Fixtures.ROTATED)),
                        StoreVerdict.TLS_FAILURE,
                        "https://minio:9000 presents a certificate signed by an unknown CA"
                                + " (ConfigMap storage-ca, key ca.crt, does not contain its issuer)");
            case IDENTITY_REJECTED ->
                story.drift(
                        driftClass,
                        Authority.SOURCE,
                        new HopFingerprints(null, null, null),
                        null,
                        "AssumeRoleWithWebIdentity refused: the role's trust policy expects sub"
                                + " system:serviceaccount:tracing:tempo, the token has system:serviceaccount:tracing:default");
            case REPLICA_UNSYNCABLE ->
                story.drift(
                        driftClass,
                        Authority.SOURCE,
                        new HopFingerprints(
                                Fixtures.fp(Fixtures.ROTATED),
                                Fixtures.fp(Fixtures.ROTATED),
                                Fixtures.fp(Fixtures.STALE)),
                        StoreVerdict.ACCEPTED,
                        "ExternalSecret monitoring/loki-s3-credentials has refreshInterval 0:"
                                + " ESO ignores force-sync <!channel>");
            default -> throw new IllegalArgumentException(driftClass + " is not an alert class");
        }
        return story;
    }
}
