package dev.credrift.reconciler.it;

import static dev.credrift.reconciler.it.MovingWorldSpec.NS;

import dev.credrift.api.CredentialBinding;
import dev.credrift.api.status.Condition;
import dev.credrift.api.status.ConditionType;
import dev.credrift.api.status.CredentialBindingStatus;
import dev.credrift.events.BindingId;
import dev.credrift.events.Topic;
import dev.credrift.events.codec.KafkaRecord;
import dev.credrift.events.credential.Credential;
import dev.credrift.events.payload.RemediationHalted;
import dev.credrift.reconciler.journal.JournalEntry;
import dev.credrift.sandbox.emulate.EmulatedKinds;
import dev.credrift.sandbox.emulate.workload.PodHealth;
import dev.credrift.sandbox.emulate.workload.WorkloadKind;
import dev.credrift.sandbox.emulate.workload.WorkloadRef;
import dev.credrift.sandbox.onepassword.ItemSnapshot;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The invariants of architecture.md §4 and §4.1 over one played {@link MovingWorld}, once it is quiet:
 * <ol>
 * <li>no credential was written to the vault or rolled out unless the store accepted it at that moment;</li>
 * <li>every binding ends in sync with the latest authority (vault, replica and every pod on it, InSync=True), or in
 * a reported state whose cause is true now: rejected (the store refuses the authority), unsyncable (its
 * ExternalSecret has {@code refreshInterval: 0}), paused (a consumer Deployment is paused), deferred by a budget
 * (Remediating=True Deferred, naming the next attempt the journal has scheduled), waiting for new evidence after a
 * failure for good (reported once), or halted for a spent rollout budget, a flapping source, or consumers failing
 * with a credential the store accepts;</li>
 * <li>rollouts per workload ≤ the new authority credentials its bindings had to move to (plus one per hand edit
 * of their items, which can send new pods back to the authority);</li>
 * <li>no binding is left with an open remediation and nothing scheduled;</li>
 * <li>no planted credential in any output: logs, outcomes, audit, journal, dead letters, status, Events.</li>
 * </ol>
 */
final class MovingWorldChecks {

    /** One broken invariant, without values. */
    record Violation(int invariant, String what) {

        @Override
        public String toString() {
            return "invariant " + invariant + ": " + what;
        }
    }

    private final MovingWorld moving;
    private final List<Violation> found = new ArrayList<>();

    private MovingWorldChecks(MovingWorld moving) {
        this.moving = moving;
    }

    static List<Violation> check(MovingWorld moving, List<String> logs) {
        MovingWorldChecks checks = new MovingWorldChecks(moving);
        checks.writesAccepted();
        Map<BindingId, JournalEntry> journal = moving.journal();
        for (int i = 0; i < moving.history.bindings().size(); i++) {
            checks.endState(i, journal.get(BindingId.of(NS, MovingWorldSpec.binding(i))));
        }
        checks.rolloutsBounded();
        checks.nothingLeftOpen(journal);
        checks.noLeaks(logs);
        return List.copyOf(checks.found);
    }

    // 1
    private void writesAccepted() {
        for (WriteRecords.Judged write : moving.writes.vaultWrites()) {
            if (write.refusal().isPresent() && !write.raced()) {
                found.add(new Violation(1, write.toString()));
            }
        }
        for (WriteRecords.Judged rollout : moving.writes.rollouts()) {
            if (rollout.refusal().isPresent() && !rollout.raced()) {
                found.add(new Violation(1, rollout.toString()));
            }
        }
    }

    // 2
    private void endState(int binding, JournalEntry entry) {
        String name = MovingWorldSpec.binding(binding);
        CredentialBinding resource = moving.client()
                .resources(CredentialBinding.class)
                .inNamespace(NS)
                .withName(name)
                .get();
        CredentialBindingStatus status =
                resource == null || resource.getStatus() == null ? CredentialBindingStatus.EMPTY : resource.getStatus();
        Optional<Condition> inSync = status.condition(ConditionType.IN_SYNC);
        Optional<Condition> halted = status.condition(ConditionType.HALTED).filter(Condition::isTrue);
        Optional<Credential> authority = moving.authority(binding);
        if (authority.isEmpty()) {
            found.add(new Violation(2, name + ": the Rook Secret holds no key (the world is broken)"));
            return;
        }
        Optional<String> refusal = moving.world.store().refusal(authority.get(), MovingWorldSpec.BUCKET);
        List<String> off = offChain(binding, authority.get());
        String said = inSync.map(c -> "InSync=" + c.status() + " " + c.reason()).orElse("no InSync condition")
                + halted.map(h -> ", Halted " + h.reason()).orElse("");
        String reason =
                inSync.map(c -> normal(c.reason()) + " " + normal(c.message())).orElse("");

        if (halted.isPresent()) {
            Optional<String> untrue = haltUntrue(binding, halted.get(), authority.get(), refusal);
            untrue.ifPresent(why -> found.add(new Violation(2, name + ": " + said + " — " + why)));
            return;
        }
        Optional<Condition> remediating = status.condition(ConditionType.REMEDIATING);
        if (off.isEmpty()) {
            // the reconciler also counts a shared workload's pods against the second replica they read (this check
            // judges them by the first only): they may still wait for a rollout budget, or for a paused Deployment
            // (seed -2351222611267021039: the remediation failed CONSUMER_PAUSED and waits for new evidence)
            boolean paused = !pausedConsumers(binding).isEmpty() && reason.contains("paused");
            if ((inSync.isEmpty() || !inSync.get().isTrue())
                    && !deferred(remediating, entry)
                    && !paused
                    && !waitingForEvidence(remediating, entry)) {
                found.add(new Violation(2, name + ": every hop holds the authority's key, yet " + said));
            }
            return;
        }
        if (inSync.isPresent() && inSync.get().isTrue()) {
            found.add(new Violation(2, name + ": says InSync=True but " + String.join("; ", off)));
            return;
        }
        boolean rejected = refusal.isPresent() && reason.contains("authorityrejected");
        boolean unsyncable = "0".equals(refreshInterval(binding)) && reason.contains("replicaunsyncable");
        boolean paused = !pausedConsumers(binding).isEmpty() && reason.contains("paused");
        boolean deferred = deferred(remediating, entry);
        boolean waiting = waitingForEvidence(remediating, entry);
        if (!(rejected || unsyncable || paused || deferred || waiting)) {
            found.add(new Violation(
                    2,
                    name + ": not in sync (" + String.join("; ", off) + ") and " + said + " does not say why"
                            + truths(binding, refusal) + journalSays(entry)));
        }
    }

    /**
     * A budget deferred the open remediation (architecture.md §5.1 rule 4): Remediating=True, reason Deferred, and its
     * message names the next attempt the journal has scheduled — and a rollout budget it names is spent.
     */
    private boolean deferred(Optional<Condition> remediating, JournalEntry entry) {
        if (remediating.isEmpty()
                || !remediating.get().isTrue()
                || !"Deferred".equals(remediating.get().reason())
                || entry == null
                || entry.remediation() == null
                || entry.remediation().deferredUntil() == null
                || !MovingWorld.due(entry, Instant.MAX)) {
            return false;
        }
        String message =
                remediating.get().message() == null ? "" : remediating.get().message();
        if (!message.contains(entry.remediation().deferredUntil().toString())) {
            return false;
        }
        if (message.contains("GLOBAL_ROLLOUT_LIMIT")) {
            long all = moving.history.workloads().stream()
                    .mapToLong(moving.writes::rolloutsOf)
                    .sum();
            return all >= moving.history.limits().globalRolloutsPerHour();
        }
        return true;
    }

    /**
     * The last remediation failed for good (architecture.md §5.1 rule 5): the journal waits for new evidence,
     * Remediating says Failed, and the failure was reported with its reason (a RemediationFailed Event saying it is not
     * tried again).
     */
    private boolean waitingForEvidence(Optional<Condition> remediating, JournalEntry entry) {
        if (entry == null
                || entry.remediation() != null
                || entry.retry() == null
                || entry.retry().waitingFor() == null
                || entry.retry().code() == null
                || entry.lastRemediation() == null
                || remediating.isEmpty()
                || remediating.get().isTrue()
                || !"Failed".equals(remediating.get().reason())) {
            return false;
        }
        String remediation = "remediation " + entry.lastRemediation().id() + " failed ("
                + entry.retry().code() + ")";
        return moving.client().events().v1().events().inNamespace(NS).list().getItems().stream()
                .anyMatch(e -> "RemediationFailed".equals(e.getReason())
                        && e.getNote() != null
                        && e.getNote().contains(remediation)
                        && e.getNote().contains("not tried again"));
    }

    private static String journalSays(JournalEntry entry) {
        if (entry == null) {
            return " (nothing journaled)";
        }
        return " (journal: " + (entry.remediation() == null ? "no open remediation" : "remediation open")
                + (entry.lastRemediation() == null
                        ? ""
                        : ", last remediation " + entry.lastRemediation().outcome())
                + (MovingWorld.due(entry, Instant.MAX) ? ", a retry is scheduled" : ", nothing scheduled") + ")";
    }

    private String truths(int binding, Optional<String> refusal) {
        List<String> truths = new ArrayList<>();
        refusal.ifPresent(r -> truths.add("the store answers " + r + " to the authority"));
        if ("0".equals(refreshInterval(binding))) {
            truths.add("its ExternalSecret has refreshInterval 0");
        }
        pausedConsumers(binding).forEach(d -> truths.add("Deployment " + d + " is paused"));
        return truths.isEmpty() ? "" : " (true now: " + String.join(", ", truths) + ")";
    }

    private Optional<String> haltUntrue(int binding, Condition halted, Credential authority, Optional<String> refusal) {
        String reason = normal(halted.reason());
        if (reason.contains(normal(RemediationHalted.Reason.ROLLOUT_BUDGET_EXHAUSTED.name()))) {
            long rollouts = moving.history.workloadsOf(binding).stream()
                    .mapToLong(moving.writes::rolloutsOf)
                    .sum();
            return rollouts >= moving.history.maxPerHour()
                    ? Optional.empty()
                    : Optional.of("the rollout budget (" + moving.history.maxPerHour() + "/h) is not spent: " + rollouts
                            + " rollout(s) of its workloads");
        }
        if (reason.contains(normal(RemediationHalted.Reason.SOURCE_FLAPPING.name()))) {
            int changes = moving.newAuthorities.getOrDefault(moving.history.userOf(binding), 0);
            int most = moving.history.limits().flapping().maxSupersessions();
            return changes > most
                    ? Optional.empty()
                    : Optional.of("the source is not flapping: " + changes + " new authority credential(s), at most "
                            + most + " supersessions allowed");
        }
        boolean failingOnAccepted = refusal.isEmpty()
                && pods(binding).stream()
                        .anyMatch(p -> p.credential().filter(authority::equals).isPresent() && !p.ready());
        return failingOnAccepted
                ? Optional.empty()
                : Optional.of("no consumer fails with a credential the store accepts now" + truths(binding, refusal));
    }

    /** What does not hold the authority's key (or is not ready on it); empty when the chain is whole. */
    private List<String> offChain(int binding, Credential authority) {
        List<String> off = new ArrayList<>();
        ItemSnapshot item = moving.world
                .onePassword()
                .snapshot(moving.world.onePassword().item(MovingWorldSpec.VAULT, MovingWorldSpec.item(binding)));
        Optional<Credential> vault = item.field("access_key")
                .flatMap(id -> item.field("secret_key")
                        .map(secret -> new Credential(id.value().reveal(), secret.value())));
        if (!vault.filter(authority::equals).isPresent()) {
            off.add("1Password item " + MovingWorldSpec.item(binding) + " differs");
        }
        if (!moving.replicaKey(binding).filter(authority::equals).isPresent()) {
            off.add("replica " + MovingWorldSpec.replica(binding) + " differs");
        }
        for (PodHealth pod : pods(binding)) {
            if (!pod.credential().filter(authority::equals).isPresent() || !pod.ready()) {
                off.add("pod " + pod.name() + (pod.ready() ? "" : " not ready")
                        + (pod.credential().filter(authority::equals).isPresent() ? "" : " on another key"));
            }
        }
        return off;
    }

    // only the first replica a workload reads is its key (see MovingWorldSpec)
    private List<PodHealth> pods(int binding) {
        List<PodHealth> pods = new ArrayList<>();
        for (String workload : moving.history.workloadsOf(binding)) {
            if (moving.history.bindingsOf(workload).get(0) == binding) {
                pods.addAll(moving.world.workloads().pods(new WorkloadRef(NS, WorkloadKind.DEPLOYMENT, workload)));
            }
        }
        return pods;
    }

    private List<String> pausedConsumers(int binding) {
        List<String> paused = new ArrayList<>();
        for (String workload : moving.history.workloadsOf(binding)) {
            Deployment deployment = moving.client()
                    .apps()
                    .deployments()
                    .inNamespace(NS)
                    .withName(workload)
                    .get();
            if (deployment != null && Boolean.TRUE.equals(deployment.getSpec().getPaused())) {
                paused.add(workload);
            }
        }
        return paused;
    }

    private String refreshInterval(int binding) {
        Object interval = moving.client()
                .genericKubernetesResources(EmulatedKinds.EXTERNAL_SECRET)
                .inNamespace(NS)
                .withName(MovingWorldSpec.replica(binding))
                .get()
                .get("spec", "refreshInterval");
        return String.valueOf(interval);
    }

    // 3
    private void rolloutsBounded() {
        for (String workload : moving.history.workloads()) {
            Set<String> users = new HashSet<>();
            moving.history.bindingsOf(workload).forEach(b -> users.add(moving.history.userOf(b)));
            int rotations = users.stream()
                    .mapToInt(u -> moving.newAuthorities.getOrDefault(u, 0))
                    .sum();
            // a hand-typed secret that reached the replica may send new pods back to the authority once
            int edits = moving.history.bindingsOf(workload).stream()
                    .mapToInt(b -> moving.handEdits.getOrDefault(b, 0))
                    .sum();
            long rollouts = moving.writes.rolloutsOf(workload);
            if (rollouts > rotations + edits) {
                found.add(new Violation(
                        3,
                        "Deployment " + workload + " rolled out " + rollouts + " time(s) for "
                                + rotations + " new authority credential(s) of users " + users
                                + (edits == 0 ? "" : " and " + edits + " hand edit(s) of its items")));
            }
        }
    }

    // 4
    private void nothingLeftOpen(Map<BindingId, JournalEntry> journal) {
        journal.forEach((id, entry) -> {
            boolean scheduled = MovingWorld.due(entry, Instant.MAX);
            if (entry.remediation() != null && !scheduled && entry.halt() == null) {
                found.add(new Violation(
                        4,
                        id + ": remediation " + entry.remediation().id()
                                + " is open in the journal while the reconciler is idle, and nothing is scheduled"));
            }
        });
    }

    // 5
    private void noLeaks(List<String> logs) {
        Set<String> planted = ItWorld.forms(moving.planted);
        List<String> places = new ArrayList<>();
        for (Topic topic : Topic.values()) {
            for (KafkaRecord record : moving.bus.raw(topic)) {
                places.add(topic + " " + record.key() + " "
                        + (record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8)));
                record.headers()
                        .forEach((k, v) -> places.add(topic + " header " + k + "="
                                + (v == null ? "" : new String(v, StandardCharsets.UTF_8))));
            }
        }
        for (BindingId id : moving.bindings()) {
            CredentialBinding binding = moving.client()
                    .resources(CredentialBinding.class)
                    .inNamespace(NS)
                    .withName(id.name())
                    .get();
            places.add("status of " + id + " "
                    + moving.client().getKubernetesSerialization().asJson(binding.getStatus()));
        }
        moving.client()
                .events()
                .v1()
                .events()
                .inNamespace(NS)
                .list()
                .getItems()
                .forEach(e -> places.add("Event " + e.getReason() + " " + e.getNote()));
        logs.forEach(line -> places.add("log " + line));
        for (String place : places) {
            if (planted.stream().anyMatch(place::contains)) {
                // name the channel and the record or logger, never the text around the value
                String[] words = place.split(" ", 3);
                found.add(new Violation(
                        5, "a planted credential in " + words[0] + " " + (words.length > 1 ? words[1] : "")));
            }
        }
    }

    private static String normal(String text) {
        return text == null ? "" : text.replace("_", "").toLowerCase(Locale.ROOT);
    }
}
