package dev.credrift.watcher.observe;

import dev.credrift.events.BindingId;
import dev.credrift.events.ContractViolation;
import dev.credrift.events.payload.ConsumerReadinessObserved;
import dev.credrift.events.payload.ConsumerReadinessObserved.SecretMount;
import dev.credrift.events.payload.EventPayload;
import dev.credrift.events.payload.ExternalSecretObserved;
import dev.credrift.events.payload.ObjectRef;
import dev.credrift.events.payload.Problem;
import dev.credrift.events.payload.ProblemCode;
import dev.credrift.events.payload.ReplicaSecretObserved;
import dev.credrift.events.payload.SourceSecretObserved;
import dev.credrift.watcher.index.BindingRefs;
import dev.credrift.watcher.index.Facet;
import dev.credrift.watcher.index.SourceRef;
import dev.credrift.watcher.resource.ExternalSecretView;
import dev.credrift.watcher.resource.ObjectKey;
import dev.credrift.watcher.resource.PodFacts;
import dev.credrift.watcher.resource.Problems;
import dev.credrift.watcher.resource.WorkloadRef;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Builds the observation of one facet of a binding from the caches: fingerprints (never values), the ExternalSecret's
 * status and the consumers' readiness, each with the typed problems found on the way. Never throws on bad input; an
 * object whose name the event contract cannot carry is not reported (the binding's validation names it instead).
 */
public final class ObservationBuilder {

    /** Replica key pairs tried, in order, when the ExternalSecret does not say which key holds what. */
    static final List<List<String>> WELL_KNOWN_KEYS = List.of(
            List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"),
            List.of("access_key_id", "secret_access_key"),
            List.of("accessKeyId", "secretAccessKey"),
            List.of("AccessKey", "SecretKey"),
            List.of("access_key", "secret_key"));

    private static final Pattern TOKEN = Pattern.compile("[!-~]{1,128}");
    private static final int ENDPOINT_MAX = 1000;

    private final CredentialReader reader;

    public ObservationBuilder(CredentialReader reader) {
        this.reader = reader;
    }

    /** The observation of {@code facet}, or empty when the binding has nothing to report there. */
    public Optional<? extends EventPayload> build(Facet facet, BindingRefs refs, ClusterView view) {
        return switch (facet) {
            case SOURCE -> source(refs, view);
            case EXTERNAL_SECRET -> externalSecret(refs, view);
            case REPLICA -> replica(refs, view);
            case CONSUMERS -> Optional.of(consumers(refs, view));
            case BINDING, VAULT -> Optional.empty(); // the binding itself; the vault poller's latest
        };
    }

    /** The source Secret: fingerprint, and Rook's {@code Endpoint}. */
    public Optional<SourceSecretObserved> source(BindingRefs refs, ClusterView view) {
        if (refs.source().isEmpty()) {
            return Optional.empty();
        }
        SourceRef source = refs.source().get();
        Optional<ObjectRef> ref = objectRef(source.secret());
        if (ref.isEmpty()) {
            return Optional.empty();
        }
        List<Problem> problems = new ArrayList<>();
        if (source instanceof SourceRef.Rook rook
                && view.rookUsersServed()
                && view.rookUser(rook.user().namespace(), rook.user().name()).isEmpty()) {
            problems.add(Problems.of(
                    ProblemCode.MISSING_OBJECT,
                    "CephObjectStoreUser " + rook.user().cacheKey() + " not found"));
        }
        Optional<Secret> secret =
                view.secret(source.secret().namespace(), source.secret().name());
        if (secret.isEmpty()) {
            problems.add(missingSecret(source.secret(), view));
            return Optional.of(new SourceSecretObserved(refs.id(), ref.get(), null, null, null, problems));
        }
        CredentialReader.Read read = reader.read(secret.get(), source.accessKeyIdKey(), source.secretAccessKeyKey());
        problems.addAll(read.problems());
        String endpoint = source instanceof SourceRef.Rook ? endpoint(secret.get(), problems) : null;
        return Optional.of(new SourceSecretObserved(
                refs.id(),
                ref.get(),
                resourceVersion(secret.get()),
                read.credential().orElse(null),
                endpoint,
                problems));
    }

    /** The ExternalSecret: Ready, refresh settings, target. */
    public Optional<ExternalSecretObserved> externalSecret(BindingRefs refs, ClusterView view) {
        if (refs.externalSecret().isEmpty()) {
            return Optional.empty();
        }
        ObjectKey key = refs.externalSecret().get();
        Optional<ObjectRef> ref = objectRef(key);
        if (ref.isEmpty()) {
            return Optional.empty();
        }
        if (!view.externalSecretsServed()) {
            return Optional.of(unknownExternalSecret(
                    refs.id(),
                    ref.get(),
                    Problems.of(
                            ProblemCode.MISSING_OBJECT,
                            "the cluster serves no ExternalSecret API (external-secrets.io v1 or v1beta1)")));
        }
        Optional<ExternalSecretView> es =
                view.externalSecret(key.namespace(), key.name()).map(ExternalSecretView::of);
        if (es.isEmpty()) {
            return Optional.of(unknownExternalSecret(
                    refs.id(),
                    ref.get(),
                    Problems.of(ProblemCode.MISSING_OBJECT, "ExternalSecret " + key.cacheKey() + " not found")));
        }
        ExternalSecretView v = es.get();
        return Optional.of(new ExternalSecretObserved(
                refs.id(),
                ref.get(),
                v.ready(),
                v.readyReason(),
                v.refreshInterval(),
                v.refreshPolicy(),
                v.refreshTime(),
                v.syncedResourceVersion(),
                v.targetSecret().orElse(null),
                v.problems()));
    }

    /** The replica Secret: fingerprint of the pair under the keys the ExternalSecret writes. */
    public Optional<ReplicaSecretObserved> replica(BindingRefs refs, ClusterView view) {
        if (refs.replicaSecret().isEmpty()) {
            return Optional.empty();
        }
        ObjectKey key = refs.replicaSecret().get();
        Optional<ObjectRef> ref = objectRef(key);
        if (ref.isEmpty()) {
            return Optional.empty();
        }
        Optional<Secret> secret = view.secret(key.namespace(), key.name());
        if (secret.isEmpty()) {
            return Optional.of(
                    new ReplicaSecretObserved(refs.id(), ref.get(), null, null, List.of(missingSecret(key, view))));
        }
        List<String> keys = replicaKeys(refs, view, secret.get());
        CredentialReader.Read read = reader.read(secret.get(), keys.get(0), keys.get(1));
        return Optional.of(new ReplicaSecretObserved(
                refs.id(),
                ref.get(),
                resourceVersion(secret.get()),
                read.credential().orElse(null),
                read.problems()));
    }

    /** The consumers: pods reading the replica and pods of listed workloads, grouped by workload. */
    public ConsumerReadinessObserved consumers(BindingRefs refs, ClusterView view) {
        String namespace = refs.namespace();
        String replica = refs.replicaSecret().map(ObjectKey::name).orElse(null);
        Map<String, Pod> pods = new TreeMap<>();
        if (replica != null) {
            view.podsReading(namespace, replica)
                    .forEach(p -> pods.put(p.getMetadata().getName(), p));
        }
        for (WorkloadRef consumer : refs.consumers()) {
            view.podsOf(consumer).forEach(p -> pods.put(p.getMetadata().getName(), p));
        }
        List<Problem> problems = new ArrayList<>();
        Map<WorkloadRef, List<Pod>> byWorkload = new LinkedHashMap<>();
        refs.consumers().forEach(c -> byWorkload.put(c, new ArrayList<>()));
        for (Pod pod : pods.values()) {
            Optional<WorkloadRef> workload = PodFacts.workload(pod);
            if (workload.isPresent()) {
                byWorkload
                        .computeIfAbsent(workload.get(), k -> new ArrayList<>())
                        .add(pod);
            } else {
                problems.add(Problems.of(
                        ProblemCode.NO_TARGET,
                        "pod " + namespace + "/" + pod.getMetadata().getName()
                                + " reads the replica but no Deployment, StatefulSet or DaemonSet owns it:"
                                + " it cannot be rolled"));
            }
        }
        List<ConsumerReadinessObserved.Workload> workloads = new ArrayList<>();
        for (Map.Entry<WorkloadRef, List<Pod>> entry : byWorkload.entrySet()) {
            workload(entry.getKey(), entry.getValue(), replica, problems).ifPresent(workloads::add);
        }
        workloads.sort(Comparator.comparing((ConsumerReadinessObserved.Workload w) -> w.kind())
                .thenComparing(ConsumerReadinessObserved.Workload::name));
        if (workloads.isEmpty() && problems.isEmpty()) {
            problems.add(Problems.of(
                    ProblemCode.NO_TARGET,
                    replica == null
                            ? "the replica Secret is not known (see the ExternalSecret) and the binding lists no consumers"
                            : "no pod in " + namespace + " reads Secret " + replica
                                    + " and the binding lists no consumers"));
        }
        return new ConsumerReadinessObserved(refs.id(), workloads, problems);
    }

    private Optional<ConsumerReadinessObserved.Workload> workload(
            WorkloadRef ref, List<Pod> pods, String replica, List<Problem> problems) {
        Set<SecretMount> readsVia = EnumSet.noneOf(SecretMount.class);
        List<ConsumerReadinessObserved.Pod> podReports = new ArrayList<>();
        int ready = 0;
        for (Pod pod : pods) {
            if (replica != null) {
                readsVia.addAll(PodFacts.secretsRead(pod).getOrDefault(replica, Set.of()));
            }
            boolean podReady = PodFacts.ready(pod);
            ready += podReady ? 1 : 0;
            try {
                podReports.add(new ConsumerReadinessObserved.Pod(
                        pod.getMetadata().getName(),
                        podReady,
                        PodFacts.restartCount(pod),
                        PodFacts.startedAt(pod).orElse(null)));
            } catch (ContractViolation e) {
                problems.add(Problems.of(
                        ProblemCode.INVALID_VALUE,
                        "pod " + ref.namespace() + "/" + pod.getMetadata().getName() + ": " + e.getMessage()));
            }
        }
        if (pods.isEmpty()) {
            problems.add(Problems.of(
                    ProblemCode.NO_TARGET,
                    "no pod of " + kindName(ref) + " " + ref.namespace() + "/" + ref.name() + " found"));
        }
        try {
            return Optional.of(new ConsumerReadinessObserved.Workload(
                    ref.kind(), ref.namespace(), ref.name(), ready, pods.size(), List.copyOf(readsVia), podReports));
        } catch (ContractViolation e) {
            problems.add(Problems.of(
                    ProblemCode.INVALID_VALUE,
                    kindName(ref) + " " + ref.namespace() + "/" + ref.name() + " cannot be reported: "
                            + e.getMessage()));
            return Optional.empty();
        }
    }

    private static List<String> replicaKeys(BindingRefs refs, ClusterView view, Secret secret) {
        Map<String, String> data = secret.getData() == null ? Map.of() : secret.getData();
        Optional<ExternalSecretView> es = refs.externalSecret()
                .flatMap(k -> view.externalSecret(k.namespace(), k.name()))
                .map(ExternalSecretView::of);
        if (refs.vaultFields().isPresent() && es.isPresent()) {
            BindingRefs.VaultFields fields = refs.vaultFields().get();
            String idKey = es.get().keyByRemoteProperty().get(fields.accessKeyId());
            String secretKey = es.get().keyByRemoteProperty().get(fields.secretAccessKey());
            if (idKey != null && secretKey != null) {
                return List.of(idKey, secretKey);
            }
            if (es.get().extractsWholeItem() && data.containsKey(fields.accessKeyId())) {
                return List.of(fields.accessKeyId(), fields.secretAccessKey());
            }
        }
        for (List<String> pair : WELL_KNOWN_KEYS) {
            if (data.containsKey(pair.get(0))) {
                return pair;
            }
        }
        return WELL_KNOWN_KEYS.get(0);
    }

    private static String endpoint(Secret secret, List<Problem> problems) {
        if (secret.getData() == null || !secret.getData().containsKey(SourceRef.Rook.ENDPOINT)) {
            return null;
        }
        Optional<String> text = CredentialReader.text(secret, SourceRef.Rook.ENDPOINT, problems);
        if (text.isEmpty()) {
            return null;
        }
        String field = "data." + SourceRef.Rook.ENDPOINT;
        String what = "Secret " + secret.getMetadata().getNamespace() + "/"
                + secret.getMetadata().getName();
        try {
            URI uri = new URI(text.get());
            boolean http = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            if (http && uri.getHost() != null && text.get().length() <= ENDPOINT_MAX) {
                return text.get();
            }
        } catch (URISyntaxException e) {
            // reported below, without the value
        }
        problems.add(Problems.of(ProblemCode.INVALID_VALUE, field, what + ": " + field + " is not an http(s) URL"));
        return null;
    }

    private static ExternalSecretObserved unknownExternalSecret(BindingId id, ObjectRef ref, Problem problem) {
        return new ExternalSecretObserved(
                id,
                ref,
                ExternalSecretObserved.ConditionStatus.UNKNOWN,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(problem));
    }

    private static Problem missingSecret(ObjectKey key, ClusterView view) {
        if (!view.secretsWatchedIn(key.namespace())) {
            // the watcher may not (RBAC) and does not look there: "not found" would be a lie
            return Problems.of(
                    ProblemCode.FORBIDDEN,
                    "Secret " + key.cacheKey() + " is in namespace "
                            + key.namespace() + ", which the watcher does not watch (watcher.secretNamespaces: "
                            + String.join(", ", new java.util.TreeSet<>(view.secretNamespaces())) + ")");
        }
        return Problems.of(
                ProblemCode.MISSING_OBJECT,
                "Secret " + key.cacheKey() + " not found among " + view.secretCoverage(key.namespace(), key.name()));
    }

    private static String resourceVersion(Secret secret) {
        String rv = secret.getMetadata().getResourceVersion();
        return rv != null && TOKEN.matcher(rv).matches() ? rv : null;
    }

    private static Optional<ObjectRef> objectRef(ObjectKey key) {
        try {
            return Optional.of(new ObjectRef(key.namespace(), key.name()));
        } catch (ContractViolation e) {
            return Optional.empty();
        }
    }

    private static String kindName(WorkloadRef ref) {
        return switch (ref.kind()) {
            case DEPLOYMENT -> "Deployment";
            case STATEFUL_SET -> "StatefulSet";
            case DAEMON_SET -> "DaemonSet";
        };
    }
}
