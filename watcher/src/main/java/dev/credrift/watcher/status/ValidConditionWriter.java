package dev.credrift.watcher.status;

import dev.credrift.api.CredentialBinding;
import dev.credrift.api.status.Condition;
import dev.credrift.api.status.ConditionType;
import dev.credrift.api.status.Conditions;
import dev.credrift.api.status.CredentialBindingStatus;
import dev.credrift.api.validation.Violation;
import dev.credrift.events.LoggingKeys;
import dev.credrift.watcher.resource.BindingRead;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a binding's {@code Valid} condition in step with its spec: {@code True}, or {@code False} with every
 * violation by field path, so that {@code kubectl describe} says what is wrong instead of the binding being ignored.
 *
 * <p>Writes through the status subresource with a JSON patch (RFC 6902) that replaces the whole {@code conditions}
 * list, the other conditions merged in from a fresh read of the binding just before. A JSON patch rather than a JSON
 * merge patch because the fabric8 mock server appends to lists on a merge patch (a real API server replaces them),
 * which would pile up conditions; strategic merge is not available for custom resources at all. No
 * {@code resourceVersion} precondition: the mock server never answers a failed {@code test}, and the race it would
 * guard (the reconciler rewriting its conditions in the few milliseconds between our read and our write) heals
 * itself, because each writer re-asserts its conditions when it sees the binding change. A binding without a status
 * yet is the exception ({@link #patchFor}): nothing guarded would replace the reconciler's whole first report there.
 * Writes only when the condition would change, so it never loops on its own updates.
 */
public final class ValidConditionWriter {

    private static final Logger LOG = LoggerFactory.getLogger(ValidConditionWriter.class);

    public static final String REASON_VALID = "SpecValid";
    public static final String REASON_INVALID = "SpecInvalid";
    public static final String REASON_UNREADABLE = "SpecUnreadable";

    private static final int ATTEMPTS = 3;

    private final KubernetesClient client;
    private final KubernetesSerialization serialization;
    private final Conditions conditions;
    private final ResourceDefinitionContext bindings;

    public ValidConditionWriter(KubernetesClient client, Clock clock) {
        this.client = client;
        this.serialization = client.getKubernetesSerialization();
        this.conditions = new Conditions(clock);
        this.bindings = new ResourceDefinitionContext.Builder()
                .withGroup(CredentialBinding.GROUP)
                .withVersion(CredentialBinding.VERSION)
                .withKind(CredentialBinding.KIND)
                .withPlural(CredentialBinding.PLURAL)
                .withNamespaced(true)
                .build();
    }

    /** The {@code Valid} condition the binding should carry. */
    public Condition desired(GenericKubernetesResource raw, BindingRead read) {
        if (read instanceof BindingRead.Unreadable) {
            return conditions.newFalse(raw, ConditionType.VALID, REASON_UNREADABLE, summary(read.violations()));
        }
        return read.valid()
                ? conditions.newTrue(raw, ConditionType.VALID, REASON_VALID, "")
                : conditions.newFalse(raw, ConditionType.VALID, REASON_INVALID, summary(read.violations()));
    }

    /** Whether {@code raw} already carries {@code desired} (same status, reason, message and generation). */
    public boolean carries(GenericKubernetesResource raw, Condition desired) {
        return status(raw)
                .condition(ConditionType.VALID)
                .filter(c -> c.status() == desired.status()
                        && Objects.equals(c.reason(), desired.reason())
                        && Objects.equals(nullToEmpty(c.message()), nullToEmpty(desired.message()))
                        && Objects.equals(c.observedGeneration(), desired.observedGeneration()))
                .isPresent();
    }

    /** Writes {@code desired} unless the binding already carries it. Blocking; never throws. */
    public void write(GenericKubernetesResource raw, Condition desired) {
        String binding =
                raw.getMetadata().getNamespace() + "/" + raw.getMetadata().getName();
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                GenericKubernetesResource current = read(raw);
                if (current == null || carries(current, desired)) {
                    return; // deleted meanwhile, or someone (a previous write) got there first
                }
                patch(current, desired);
                LOG.atInfo()
                        .addKeyValue(LoggingKeys.BINDING, binding)
                        .log("Status: Valid={} ({})", desired.status().wireName(), desired.reason());
                return;
            } catch (KubernetesClientException e) {
                if ((e.getCode() == 409 || e.getCode() == 422) && attempt < ATTEMPTS) {
                    continue;
                }
                if (e.getCode() == 404) {
                    return;
                }
                LOG.atWarn()
                        .addKeyValue(LoggingKeys.BINDING, binding)
                        .log(
                                "Status: writing Valid={} failed ({} {}); the next change or resync tries again",
                                desired.status().wireName(),
                                e.getCode(),
                                e.getMessage());
                return;
            } catch (RuntimeException e) {
                LOG.atWarn()
                        .addKeyValue(LoggingKeys.BINDING, binding)
                        .log(
                                "Status: writing Valid={} failed ({}: {}); the next change or resync tries again",
                                desired.status().wireName(),
                                e.getClass().getSimpleName(),
                                e.getMessage());
                return;
            }
        }
    }

    // package-private for the race test: a patch built from a read that the binding has moved past
    void patch(GenericKubernetesResource current, Condition desired) {
        Patch patch = patchFor(current, Conditions.merge(status(current).conditions(), desired));
        client.genericKubernetesResources(bindings)
                .inNamespace(current.getMetadata().getNamespace())
                .withName(current.getMetadata().getName())
                .subresource("status")
                .patch(PatchContext.of(patch.type()), serialization.asJson(patch.body()));
    }

    /** A patch of the status subresource and its body, before serialization. */
    record Patch(PatchType type, Object body) {}

    /**
     * The patch that sets {@code conditions} and nothing else. With a status read, a JSON patch of {@code
     * /status/conditions} alone. Without one, a JSON patch could only {@code add /status} — which replaces the whole
     * status object, so a first report credrift's reconciler wrote since our read (observedGeneration, fingerprints,
     * driftClass, its conditions) would be wiped. Then a JSON merge patch that touches {@code status.conditions}
     * only, guarded by the {@code resourceVersion} of our read: the API server (and the fabric8 mock server) answer
     * 409 Conflict when the binding changed since, and {@link #write} reads again and patches the conditions of the
     * status now there.
     */
    static Patch patchFor(GenericKubernetesResource current, List<Condition> merged) {
        Object status = current.getAdditionalProperties().get("status");
        if (status instanceof Map<?, ?> statusMap) {
            String op = statusMap.containsKey("conditions") ? "replace" : "add";
            return new Patch(PatchType.JSON, List.of(operation(op, "/status/conditions", merged)));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        String resourceVersion = current.getMetadata().getResourceVersion();
        if (resourceVersion != null) {
            body.put("metadata", Map.of("resourceVersion", resourceVersion));
        }
        body.put("status", Map.of("conditions", merged));
        return new Patch(PatchType.JSON_MERGE, body);
    }

    private static Map<String, Object> operation(String op, String path, Object value) {
        Map<String, Object> operation = new LinkedHashMap<>();
        operation.put("op", op);
        operation.put("path", path);
        operation.put("value", value);
        return operation;
    }

    private GenericKubernetesResource read(GenericKubernetesResource raw) {
        return client.genericKubernetesResources(bindings)
                .inNamespace(raw.getMetadata().getNamespace())
                .withName(raw.getMetadata().getName())
                .get();
    }

    private CredentialBindingStatus status(GenericKubernetesResource raw) {
        Object status = raw.getAdditionalProperties().get("status");
        if (status == null) {
            return CredentialBindingStatus.EMPTY;
        }
        try {
            CredentialBindingStatus read = serialization.convertValue(status, CredentialBindingStatus.class);
            return read == null ? CredentialBindingStatus.EMPTY : read;
        } catch (RuntimeException e) {
            // a status we cannot read is rewritten with our condition merged into nothing
            return CredentialBindingStatus.EMPTY;
        }
    }

    private static String summary(List<Violation> violations) {
        return violations.stream()
                .filter(Violation::isError)
                .map(Violation::toString)
                .collect(Collectors.joining("; "));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
