package dev.credrift.watcher.resource;

import dev.credrift.events.payload.ExternalSecretObserved.ConditionStatus;
import dev.credrift.events.payload.ExternalSecretObserved.RefreshPolicy;
import dev.credrift.events.payload.Problem;
import dev.credrift.events.payload.ProblemCode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What credrift needs from an ExternalSecret ({@code external-secrets.io} v1 or v1beta1: the fields used are the
 * same), read from the untyped object so that a malformed one becomes problems instead of a failed informer.
 *
 * @param namespace             the ExternalSecret's namespace
 * @param name                  its name
 * @param targetSecret          the Secret it writes: {@code spec.target.name}, or its own name when that is not
 *                              set; empty when the target is set but unusable (problem {@code NO_TARGET})
 * @param creationPolicy        {@code spec.target.creationPolicy} as written, or {@code Owner}
 * @param refreshInterval       {@code spec.refreshInterval} when it is a Go duration
 * @param refreshPolicy         {@code spec.refreshPolicy} when known
 * @param ready                 the {@code Ready} condition's status; {@code Unknown} when there is none
 * @param readyReason           its reason when it is a token
 * @param refreshTime           {@code status.refreshTime} when it is an RFC 3339 time
 * @param syncedResourceVersion {@code status.syncedResourceVersion} when it is a token
 * @param keyByRemoteProperty   {@code spec.data}: the Secret key each remote property lands in
 * @param extractsWholeItem     {@code spec.dataFrom} is used: remote field names become Secret keys
 * @param problems              what was wrong with the object
 */
public record ExternalSecretView(
        String namespace,
        String name,
        Optional<String> targetSecret,
        String creationPolicy,
        String refreshInterval,
        RefreshPolicy refreshPolicy,
        ConditionStatus ready,
        String readyReason,
        Instant refreshTime,
        String syncedResourceVersion,
        Map<String, String> keyByRemoteProperty,
        boolean extractsWholeItem,
        List<Problem> problems) {

    /** ESO's policies under which it does not own (and so does not label) the target Secret. */
    private static final Set<String> UNLABELLED_TARGET_POLICIES = Set.of("Merge", "None", "CreateOrMerge");

    static final Pattern GO_DURATION = Pattern.compile("0|([0-9]+(\\.[0-9]+)?(ns|us|\u00b5s|ms|s|m|h))+");
    static final Pattern TOKEN = Pattern.compile("[!-~]{1,128}");
    static final Pattern NAME =
            Pattern.compile("(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    public ExternalSecretView {
        keyByRemoteProperty = Map.copyOf(keyByRemoteProperty);
        problems = List.copyOf(problems);
    }

    /**
     * Whether ESO leaves the target Secret without its {@code reconcile.external-secrets.io/managed} label, so that
     * the watcher must watch it by name.
     */
    public boolean targetUnlabelled() {
        return UNLABELLED_TARGET_POLICIES.contains(creationPolicy);
    }

    /** Reads an ExternalSecret; never throws. */
    public static ExternalSecretView of(GenericKubernetesResource es) {
        String namespace = es.getMetadata() == null ? "" : es.getMetadata().getNamespace();
        String name = es.getMetadata() == null ? "" : es.getMetadata().getName();
        Map<String, Object> root = new LinkedHashMap<>(es.getAdditionalProperties());
        List<Problem> problems = new ArrayList<>();
        String what = "ExternalSecret " + namespace + "/" + name;

        Object spec = root.get("spec");
        if (!(spec instanceof Map<?, ?>)) {
            problems.add(Problems.of(ProblemCode.INVALID_VALUE, "spec", what + " has no readable spec"));
        }
        Optional<String> target = target(spec, name, what, problems);
        String creationPolicy = Fields.string(spec, "target", "creationPolicy");

        String refreshInterval = null;
        Object interval = Fields.at(spec, "refreshInterval");
        if (interval instanceof String s && GO_DURATION.matcher(s).matches()) {
            refreshInterval = s;
        } else if (interval != null) {
            problems.add(Problems.of(
                    ProblemCode.INVALID_VALUE,
                    "spec.refreshInterval",
                    what + ": spec.refreshInterval is not a Go duration"));
        }

        RefreshPolicy refreshPolicy = null;
        Object policy = Fields.at(spec, "refreshPolicy");
        if (policy != null) {
            refreshPolicy = refreshPolicy(policy);
            if (refreshPolicy == null) {
                problems.add(Problems.of(
                        ProblemCode.INVALID_VALUE,
                        "spec.refreshPolicy",
                        what + ": spec.refreshPolicy is not one of Periodic, CreatedOnce, OnChange"));
            }
        }

        ConditionStatus ready = ConditionStatus.UNKNOWN;
        String readyReason = null;
        for (Object condition : Fields.list(root, "status", "conditions")) {
            if (!"Ready".equals(Fields.string(condition, "type"))) {
                continue;
            }
            Object status = Fields.at(condition, "status");
            if ("True".equals(status)) {
                ready = ConditionStatus.TRUE;
            } else if ("False".equals(status)) {
                ready = ConditionStatus.FALSE;
            } else if (!"Unknown".equals(status)) {
                problems.add(Problems.of(
                        ProblemCode.INVALID_VALUE,
                        "status.conditions[Ready].status",
                        what + ": the Ready condition's status is not True, False or Unknown"));
            }
            Object reason = Fields.at(condition, "reason");
            if (reason instanceof String r && TOKEN.matcher(r).matches()) {
                readyReason = r;
            } else if (reason != null && !"".equals(reason)) {
                problems.add(Problems.of(
                        ProblemCode.INVALID_VALUE,
                        "status.conditions[Ready].reason",
                        what + ": the Ready condition's reason is not a single word"));
            }
            break;
        }

        Instant refreshTime = null;
        Object time = Fields.at(root, "status", "refreshTime");
        if (time != null) {
            refreshTime = time instanceof String t ? PodFacts.time(t).orElse(null) : null;
            if (refreshTime == null) {
                problems.add(Problems.of(
                        ProblemCode.INVALID_VALUE,
                        "status.refreshTime",
                        what + ": status.refreshTime is not an RFC 3339 time"));
            }
        }

        String synced = null;
        Object syncedValue = Fields.at(root, "status", "syncedResourceVersion");
        if (syncedValue instanceof String v && TOKEN.matcher(v).matches()) {
            synced = v;
        } else if (syncedValue != null && !"".equals(syncedValue)) {
            problems.add(Problems.of(
                    ProblemCode.INVALID_VALUE,
                    "status.syncedResourceVersion",
                    what + ": status.syncedResourceVersion is not a token"));
        }

        Map<String, String> keys = new LinkedHashMap<>();
        for (Object entry : Fields.list(spec, "data")) {
            String secretKey = Fields.string(entry, "secretKey");
            String property = Fields.string(entry, "remoteRef", "property");
            if (secretKey != null && property != null) {
                keys.putIfAbsent(property, secretKey);
            }
        }
        boolean extracts = !Fields.list(spec, "dataFrom").isEmpty();

        return new ExternalSecretView(
                namespace,
                name,
                target,
                creationPolicy == null ? "Owner" : creationPolicy,
                refreshInterval,
                refreshPolicy,
                ready,
                readyReason,
                refreshTime,
                synced,
                keys,
                extracts,
                problems);
    }

    private static Optional<String> target(Object spec, String name, String what, List<Problem> problems) {
        Object targetName = Fields.at(spec, "target", "name");
        if (targetName == null) {
            // ESO writes a Secret named like the ExternalSecret when the target names none
            return NAME.matcher(name).matches() ? Optional.of(name) : Optional.empty();
        }
        if (targetName instanceof String s && NAME.matcher(s).matches()) {
            return Optional.of(s);
        }
        problems.add(Problems.of(
                ProblemCode.NO_TARGET,
                "spec.target.name",
                what + ": spec.target.name is not a Secret name, so no replica Secret can be found"));
        return Optional.empty();
    }

    private static RefreshPolicy refreshPolicy(Object policy) {
        if (!(policy instanceof String s)) {
            return null;
        }
        return switch (s) {
            case "Periodic" -> RefreshPolicy.PERIODIC;
            case "CreatedOnce" -> RefreshPolicy.CREATED_ONCE;
            case "OnChange" -> RefreshPolicy.ON_CHANGE;
            default -> null;
        };
    }
}
