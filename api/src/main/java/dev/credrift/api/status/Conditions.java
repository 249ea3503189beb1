package dev.credrift.api.status;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Builds and merges conditions the Kubernetes way.
 *
 * <p>A new condition is stamped with the {@code metadata.generation} of the resource it judges, so a reader can
 * tell a verdict on the current spec from one on an older spec. Merging keeps the old {@code lastTransitionTime}
 * when the status did not change: the time says when the binding went out of sync, not when we last looked.
 */
public final class Conditions {

    /** {@code metav1.Condition} limits, mirrored in the CRD so that a status write is never refused. */
    public static final int MAX_MESSAGE_LENGTH = 32768;

    public static final int MAX_REASON_LENGTH = 1024;

    private static final Pattern REASON = Pattern.compile("^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$");
    private static final String ELLIPSIS = "…";

    private final Clock clock;

    public Conditions(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Condition newTrue(HasMetadata resource, ConditionType type, String reason, String message) {
        return of(resource, type, ConditionStatus.TRUE, reason, message);
    }

    public Condition newFalse(HasMetadata resource, ConditionType type, String reason, String message) {
        return of(resource, type, ConditionStatus.FALSE, reason, message);
    }

    public Condition newUnknown(HasMetadata resource, ConditionType type, String reason, String message) {
        return of(resource, type, ConditionStatus.UNKNOWN, reason, message);
    }

    /**
     * A condition on {@code resource} as of now (whole seconds, like {@code metav1.Time}).
     *
     * @throws IllegalArgumentException if {@code reason} is not CamelCase: reasons are constants in our code, so
     *                                  this is a programming error, not bad input
     */
    public Condition of(
            HasMetadata resource, ConditionType type, ConditionStatus status, String reason, String message) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        if (reason == null
                || reason.length() > MAX_REASON_LENGTH
                || !REASON.matcher(reason).matches()) {
            throw new IllegalArgumentException(
                    "condition reason must be CamelCase (letters, digits, _ , :) for " + type.wireName());
        }
        Long generation = resource == null || resource.getMetadata() == null
                ? null
                : resource.getMetadata().getGeneration();
        return new Condition(
                type, status, reason, clip(message), clock.instant().truncatedTo(ChronoUnit.SECONDS), generation);
    }

    /**
     * {@code current} with each of {@code updates} put in place of the condition of the same type. When an update
     * has the same status as the condition it replaces, the old {@code lastTransitionTime} is kept. The result is
     * ordered by {@link ConditionType}, so that equal statuses serialise equally and patches stay small.
     */
    public static List<Condition> merge(List<Condition> current, Condition... updates) {
        Map<ConditionType, Condition> byType = new LinkedHashMap<>();
        if (current != null) {
            for (Condition condition : current) {
                if (condition != null && condition.type() != null) {
                    byType.put(condition.type(), condition);
                }
            }
        }
        for (Condition update : updates) {
            Condition previous = byType.get(update.type());
            boolean unchanged =
                    previous != null && previous.status() == update.status() && previous.lastTransitionTime() != null;
            byType.put(
                    update.type(),
                    unchanged
                            ? new Condition(
                                    update.type(),
                                    update.status(),
                                    update.reason(),
                                    update.message(),
                                    previous.lastTransitionTime(),
                                    update.observedGeneration())
                            : update);
        }
        List<Condition> merged = new ArrayList<>(byType.values());
        merged.sort(Comparator.comparing(Condition::type));
        return List.copyOf(merged);
    }

    /** {@code status} (or an empty one) with {@code updates} merged into its conditions. */
    public static CredentialBindingStatus mergeInto(CredentialBindingStatus status, Condition... updates) {
        CredentialBindingStatus base = status == null ? CredentialBindingStatus.EMPTY : status;
        return base.withConditions(merge(base.conditions(), updates));
    }

    /** The condition of {@code type} in {@code conditions}, if any. */
    public static Optional<Condition> find(List<Condition> conditions, ConditionType type) {
        if (conditions == null) {
            return Optional.empty();
        }
        return conditions.stream().filter(c -> c != null && c.type() == type).findFirst();
    }

    private static String clip(String message) {
        if (message == null) {
            return "";
        }
        return message.length() <= MAX_MESSAGE_LENGTH
                ? message
                : message.substring(0, MAX_MESSAGE_LENGTH - ELLIPSIS.length()) + ELLIPSIS;
    }
}
