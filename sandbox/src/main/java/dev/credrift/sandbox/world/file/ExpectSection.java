package dev.credrift.sandbox.world.file;

import dev.credrift.events.payload.DriftClass;
import dev.credrift.sandbox.world.spec.Expectation;
import dev.credrift.sandbox.world.spec.ExpectationSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Reads an entry of {@code expect.all}: one check of the end state, with its own {@code within}. */
final class ExpectSection {

    private static final Set<String> CONDITION_STATUSES = Set.of("True", "False", "Unknown");
    // status.rotation.phase as the rotation contract (issue 17) lists them
    private static final List<String> ROTATION_PHASES = List.of(
            "Minting",
            "ProbingNew",
            "WritingVault",
            "Syncing",
            "AwaitingReplica",
            "Rolling",
            "Proving",
            "WaitingToRevoke",
            "Revoking",
            "ProvingRevoked",
            "Completed",
            "Failed",
            "Halted",
            "Observed",
            "Refused");

    private final Placeholders declared;

    ExpectSection(Placeholders declared) {
        this.declared = declared;
    }

    ExpectationSpec expectation(Fields e, Duration defaultWithin) {
        Duration within = e.duration("within", defaultWithin);
        Map<String, Function<Fields, Expectation>> kinds = expectations();
        String key = e.oneOf(kinds.keySet(), "expectation");
        Expectation expectation = kinds.get(key).apply(e.map(key, "the " + key + " expectation"));
        e.done();
        return new ExpectationSpec(expectation, within, e.location());
    }

    private Map<String, Function<Fields, Expectation>> expectations() {
        Map<String, Function<Fields, Expectation>> x = new LinkedHashMap<>();
        x.put("bindingCondition", f -> {
            String[] binding = binding(f);
            String status = f.string("status");
            if (!CONDITION_STATUSES.contains(status)) {
                throw f.error("status", "must be \"True\", \"False\" or \"Unknown\"");
            }
            return f.done(new Expectation.BindingCondition(
                    binding[0],
                    binding[1],
                    f.string("type"),
                    status,
                    f.optionalString("reason"),
                    f.optionalString("messageContains")));
        });
        x.put("bindingDriftClass", f -> {
            String[] binding = binding(f);
            return f.done(new Expectation.BindingDriftClass(binding[0], binding[1], driftClass(f)));
        });
        x.put("driftClassSeen", f -> {
            String[] binding = binding(f);
            return f.done(new Expectation.DriftClassSeen(binding[0], binding[1], driftClass(f)));
        });
        x.put(
                "workloadReady",
                f -> f.done(new Expectation.WorkloadReady(
                        f.string("namespace"), TimelineSection.workloadKind(f), f.string("name"))));
        x.put(
                "podsNotReady",
                f -> f.done(new Expectation.PodsNotReady(
                        f.string("namespace"),
                        TimelineSection.workloadKind(f),
                        f.string("name"),
                        f.optionalString("rejection"))));
        x.put(
                "rolloutsAtMost",
                f -> f.done(new Expectation.RolloutsAtMost(
                        f.string("namespace"), TimelineSection.workloadKind(f), f.string("name"), f.integer("max"))));
        x.put("externalSecretReady", f -> {
            String status = f.optionalString("status").orElse("True");
            if (!CONDITION_STATUSES.contains(status)) {
                throw f.error("status", "must be \"True\", \"False\" or \"Unknown\"");
            }
            return f.done(new Expectation.ExternalSecretReady(
                    f.string("namespace"), f.string("name"), status, f.optionalString("reason")));
        });
        x.put("credentialsMatchStore", f -> {
            // with store.minio, the user may be a service account created during the story (named by its key), or left
            // out: the keys of MinIO's service accounts at the time (after a rotation, the new one's)
            String user = declared.minio() ? f.optionalString("user").orElse(null) : f.string("user");
            if (user != null && !declared.hasStoreUser(user) && !declared.minio()) {
                throw f.error("user", "store.users does not declare this user");
            }
            List<Expectation.SecretHop> secrets = new ArrayList<>();
            for (YamlNode node : f.list("secrets")) {
                Fields s = Fields.of(node, "a Secret reference");
                secrets.add(s.done(new Expectation.SecretHop(
                        s.string("namespace"),
                        s.string("name"),
                        s.string("accessKeyIdKey"),
                        s.string("secretAccessKeyKey"))));
            }
            List<Expectation.VaultHop> items = new ArrayList<>();
            for (YamlNode node : f.list("vaultItems")) {
                Fields v = Fields.of(node, "a 1Password item reference");
                items.add(v.done(new Expectation.VaultHop(
                        v.string("vault"),
                        v.string("item"),
                        v.string("accessKeyIdField"),
                        v.string("secretAccessKeyField"))));
            }
            List<Expectation.WorkloadHop> workloads = new ArrayList<>();
            for (YamlNode node : f.list("workloads")) {
                Fields w = Fields.of(node, "a workload reference");
                workloads.add(w.done(new Expectation.WorkloadHop(
                        w.string("namespace"), TimelineSection.workloadKind(w), w.string("name"))));
            }
            if (secrets.isEmpty() && items.isEmpty() && workloads.isEmpty()) {
                throw new WorldFileException(
                        f.location(), f.path(), "name at least one of secrets, vaultItems, workloads");
            }
            return f.done(new Expectation.CredentialsMatchStore(user, secrets, items, workloads));
        });
        x.put("bindingRotation", f -> {
            String[] binding = binding(f);
            String phase = f.string("phase");
            if (!ROTATION_PHASES.contains(phase)) {
                throw f.error("phase", "must be one of " + ROTATION_PHASES);
            }
            return f.done(new Expectation.BindingRotation(binding[0], binding[1], phase));
        });
        x.put("storeRefusedRequests", f -> {
            Optional<String> user = f.optionalString("user");
            if (user.isPresent() && !declared.hasStoreUser(user.get()) && !declared.minio()) {
                throw f.error("user", "store.users does not declare this user");
            }
            String by = f.optionalString("by").orElse("consumers");
            if (!by.equals("consumers") && !by.equals("anyone")) {
                throw f.error("by", "must be consumers (the emulated pods' requests) or anyone");
            }
            int max = f.integer("max");
            if (max < 0) {
                throw f.error("max", "must be 0 or more");
            }
            return f.done(new Expectation.StoreRefusedRequests(user, by.equals("consumers"), max));
        });
        x.put("storeKeyRevoked", f -> f.done(new Expectation.StoreKeyRevoked(f.string("accessKeyId"))));
        return x;
    }

    private static String[] binding(Fields f) {
        String binding = f.string("binding");
        String[] parts = binding.split("/", -1);
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw f.error("binding", "must be <namespace>/<name>");
        }
        return parts;
    }

    private static String driftClass(Fields f) {
        String value = f.string("class");
        for (DriftClass c : DriftClass.values()) {
            if (c.name().equals(value)) {
                return value;
            }
        }
        throw f.error("class", "must be one of " + List.of(DriftClass.values()));
    }
}
