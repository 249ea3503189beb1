package dev.credrift.sandbox.world;

import dev.credrift.api.CredentialBinding;
import dev.credrift.api.status.Condition;
import dev.credrift.events.credential.Credential;
import dev.credrift.events.credential.Fingerprint;
import dev.credrift.events.credential.SecretValue;
import dev.credrift.sandbox.emulate.EmulatedKinds;
import dev.credrift.sandbox.emulate.workload.PodHealth;
import dev.credrift.sandbox.world.spec.Expectation;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Judges one expectation against the running world, once. */
final class ExpectationCheck {

    private final World world;

    ExpectationCheck(World world) {
        this.world = world;
    }

    Verdict check(Expectation expectation) {
        try {
            return judge(expectation);
        } catch (RuntimeException e) {
            return Verdict.not("could not check: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    private Verdict judge(Expectation expectation) {
        if (expectation instanceof Expectation.BindingCondition e) {
            return bindingCondition(e);
        }
        if (expectation instanceof Expectation.BindingDriftClass e) {
            Optional<CredentialBinding> binding = binding(e.namespace(), e.name());
            String current = binding.map(CredentialBinding::getStatus)
                    .map(s -> s.driftClass())
                    .map(c -> c.wireName())
                    .orElse(null);
            String detail = binding.isEmpty() ? "no such binding" : "driftClass is " + current;
            return Objects.equals(current, e.driftClass()) ? Verdict.holds(detail) : Verdict.not(detail);
        }
        if (expectation instanceof Expectation.DriftClassSeen e) {
            String id = e.namespace() + "/" + e.name();
            List<String> seen = world.driftClasses().entries().stream()
                    .filter(x -> x.bindingId().equals(id))
                    .map(DriftClassLog.Entry::driftClass)
                    .toList();
            return world.driftClasses().seen(id, e.driftClass())
                    ? Verdict.holds("seen: " + seen)
                    : Verdict.not("seen so far: " + seen);
        }
        if (expectation instanceof Expectation.WorkloadReady e) {
            return workloadReady(e);
        }
        if (expectation instanceof Expectation.PodsNotReady e) {
            return podsNotReady(e);
        }
        if (expectation instanceof Expectation.CredentialsMatchStore e) {
            return credentialsMatch(e);
        }
        if (expectation instanceof Expectation.RolloutsAtMost e) {
            // only the story's rollouts count: a start-up remediation before the timeline is not the story's doing
            var ref = WorkloadState.ref(e.namespace(), e.kind(), e.name());
            Instant since = world.timelineStartedAt().orElse(Instant.MIN);
            long rollouts = world.workloads().rolloutHistory().stream()
                    .filter(r -> r.workload().equals(ref) && !r.at().isBefore(since))
                    .count();
            String detail = rollouts + " rollout(s) since the timeline began";
            return rollouts <= e.max() ? Verdict.holds(detail) : Verdict.not(detail);
        }
        if (expectation instanceof Expectation.ExternalSecretReady e) {
            return externalSecretReady(e);
        }
        if (expectation instanceof Expectation.BindingRotation e) {
            return RotationChecks.phase(world, e);
        }
        if (expectation instanceof Expectation.StoreRefusedRequests e) {
            return RotationChecks.refusals(world, e);
        }
        if (expectation instanceof Expectation.StoreKeyRevoked e) {
            return RotationChecks.revoked(world, e);
        }
        throw new IllegalStateException(
                "unknown expectation " + expectation.getClass().getSimpleName());
    }

    private Verdict bindingCondition(Expectation.BindingCondition e) {
        Optional<CredentialBinding> binding = binding(e.namespace(), e.name());
        if (binding.isEmpty()) {
            return Verdict.not("no such binding");
        }
        List<Condition> conditions = binding.get().getStatus() == null
                ? List.of()
                : binding.get().getStatus().conditions();
        Optional<Condition> condition = conditions.stream()
                .filter(c -> c.type() != null && e.type().equals(c.type().wireName()))
                .findFirst();
        if (condition.isEmpty()) {
            return Verdict.not("no " + e.type() + " condition yet");
        }
        Condition c = condition.get();
        String status = c.status() == null ? null : c.status().wireName();
        String detail =
                e.type() + "=" + status + " (" + c.reason() + ")" + (c.message() == null ? "" : ": " + c.message());
        boolean holds = e.status().equals(status)
                && e.reason().map(r -> r.equals(c.reason())).orElse(true)
                && e.messageContains()
                        .map(m -> c.message() != null && c.message().contains(m))
                        .orElse(true);
        return new Verdict(holds, detail);
    }

    private Verdict workloadReady(Expectation.WorkloadReady e) {
        Optional<Integer> desired = WorkloadState.desired(world.kubernetesClient(), e.namespace(), e.kind(), e.name());
        if (desired.isEmpty()) {
            return Verdict.not("no such workload");
        }
        List<PodHealth> pods = WorkloadState.pods(world, e.namespace(), e.kind(), e.name());
        long ready = pods.stream().filter(PodHealth::ready).count();
        Set<String> revisions = pods.stream().map(p -> p.revision().orElse("")).collect(Collectors.toSet());
        String detail = ready + "/" + desired.get() + " ready, " + pods.size() + " pod(s)"
                + (revisions.size() > 1 ? ", " + revisions.size() + " revisions" : "");
        return ready == desired.get() && pods.size() == desired.get() && revisions.size() <= 1
                ? Verdict.holds(detail)
                : Verdict.not(detail + notReadyReasons(pods));
    }

    private Verdict podsNotReady(Expectation.PodsNotReady e) {
        List<PodHealth> pods = WorkloadState.pods(world, e.namespace(), e.kind(), e.name());
        if (pods.isEmpty()) {
            return Verdict.not("no pods");
        }
        boolean holds = pods.stream()
                .allMatch(p -> !p.ready()
                        && e.rejection()
                                .map(r -> p.rejectionCode().filter(r::equals).isPresent())
                                .orElse(true));
        long ready = pods.stream().filter(PodHealth::ready).count();
        return new Verdict(holds, ready + "/" + pods.size() + " ready" + notReadyReasons(pods));
    }

    private static String notReadyReasons(List<PodHealth> pods) {
        List<String> reasons = new ArrayList<>();
        for (PodHealth pod : pods) {
            if (!pod.ready()) {
                reasons.add(pod.name() + ": "
                        + pod.startFailure()
                                .orElse(pod.lastProbe().map(p -> p.summary()).orElse("starting")));
            }
        }
        return reasons.isEmpty() ? "" : " [" + String.join("; ", reasons) + "]";
    }

    private Verdict credentialsMatch(Expectation.CredentialsMatchStore e) {
        List<Fingerprint> storeKeys;
        try {
            storeKeys = RotationChecks.storeKeys(world, e.user()).stream()
                    .map(c -> world.fingerprinter().fingerprint(c))
                    .toList();
        } catch (IllegalArgumentException unknown) {
            return Verdict.not("the store has no user " + e.user());
        }
        List<String> problems = new ArrayList<>();
        for (Expectation.SecretHop hop : e.secrets()) {
            Secret secret = world.kubernetesClient()
                    .secrets()
                    .inNamespace(hop.namespace())
                    .withName(hop.name())
                    .get();
            String where = "Secret " + hop.namespace() + "/" + hop.name();
            Optional<Credential> credential = secret == null
                    ? Optional.empty()
                    : credential(secret.getData(), hop.accessKeyIdKey(), hop.secretAccessKeyKey());
            judgeHop(where, credential, storeKeys, problems);
        }
        for (Expectation.VaultHop hop : e.vaultItems()) {
            String where = "1Password " + hop.vault() + "/" + hop.item();
            Optional<Credential> credential;
            try {
                SecretValue id = world.onePassword().readField(hop.vault(), hop.item(), hop.accessKeyIdField());
                SecretValue secret = world.onePassword().readField(hop.vault(), hop.item(), hop.secretAccessKeyField());
                credential = id.isEmpty() ? Optional.empty() : Optional.of(new Credential(id.reveal(), secret));
            } catch (IllegalArgumentException ex) {
                credential = Optional.empty();
            }
            judgeHop(where, credential, storeKeys, problems);
        }
        for (Expectation.WorkloadHop hop : e.workloads()) {
            List<PodHealth> pods = WorkloadState.pods(world, hop.namespace(), hop.kind(), hop.name());
            if (pods.isEmpty()) {
                problems.add(hop.kind() + " " + hop.namespace() + "/" + hop.name() + " has no pods");
            }
            for (PodHealth pod : pods) {
                judgeHop("pod " + pod.namespace() + "/" + pod.name(), pod.credential(), storeKeys, problems);
            }
        }
        String detail = "store key(s) " + storeKeys;
        return problems.isEmpty() ? Verdict.holds(detail) : Verdict.not(detail + "; " + String.join("; ", problems));
    }

    private void judgeHop(
            String where, Optional<Credential> credential, List<Fingerprint> storeKeys, List<String> problems) {
        if (credential.isEmpty()) {
            problems.add(where + " holds no credential");
            return;
        }
        Fingerprint fingerprint = world.fingerprinter().fingerprint(credential.get());
        if (!storeKeys.contains(fingerprint)) {
            problems.add(where + " holds " + credential.get().maskedAccessKeyId() + " (" + fingerprint + ")");
        }
    }

    private static Optional<Credential> credential(Map<String, String> data, String idKey, String secretKey) {
        if (data == null || data.get(idKey) == null || data.get(secretKey) == null) {
            return Optional.empty();
        }
        String id = new String(Base64.getDecoder().decode(data.get(idKey)), StandardCharsets.UTF_8);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                new Credential(id, SecretValue.fromUtf8(Base64.getDecoder().decode(data.get(secretKey)))));
    }

    private Verdict externalSecretReady(Expectation.ExternalSecretReady e) {
        GenericKubernetesResource es = world.kubernetesClient()
                .genericKubernetesResources(EmulatedKinds.EXTERNAL_SECRET)
                .inNamespace(e.namespace())
                .withName(e.name())
                .get();
        if (es == null) {
            return Verdict.not("no such ExternalSecret");
        }
        Object raw = es.get("status", "conditions");
        if (raw instanceof List<?> conditions) {
            for (Object item : conditions) {
                if (item instanceof Map<?, ?> c && "Ready".equals(c.get("type"))) {
                    String detail = "Ready=" + c.get("status") + " (" + c.get("reason") + ")";
                    boolean holds = e.status().equals(c.get("status"))
                            && e.reason().map(r -> r.equals(c.get("reason"))).orElse(true);
                    return new Verdict(holds, detail);
                }
            }
        }
        return Verdict.not("no Ready condition yet");
    }

    private Optional<CredentialBinding> binding(String namespace, String name) {
        return Optional.ofNullable(world.kubernetesClient()
                .resources(CredentialBinding.class)
                .inNamespace(namespace)
                .withName(name)
                .get());
    }
}
