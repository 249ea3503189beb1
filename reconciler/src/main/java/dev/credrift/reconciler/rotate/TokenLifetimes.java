package dev.credrift.reconciler.rotate;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.ProjectedVolumeSource;
import io.fabric8.kubernetes.api.model.ServiceAccountTokenProjection;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * How long a role-based binding's credentials live (issue 17: there is nothing static to rotate, so the lifetimes
 * are what a user is told instead): the temporary keys STS issued on credrift's last exchange, and the projected
 * web-identity tokens the binding's pods mount. Durations and times only, never a token or key. Pure.
 *
 * @param keys      STS's temporary keys of the last exchange; empty when STS issued none or was not asked
 *                  ({@code credrift check} does not exchange)
 * @param podTokens the distinct projected tokens of the ServiceAccount's pods, by audience then lifetime
 */
public record TokenLifetimes(Optional<IssuedKeys> keys, List<PodToken> podTokens) {

    /** What Kubernetes gives a projected token whose volume names no {@code expirationSeconds}. */
    public static final Duration KUBERNETES_DEFAULT = Duration.ofHours(1);

    public TokenLifetimes {
        Objects.requireNonNull(keys, "keys");
        podTokens = podTokens.stream()
                .distinct()
                .sorted(Comparator.comparing(PodToken::audience).thenComparing(PodToken::lifetime))
                .toList();
    }

    /** STS's temporary keys: issued for {@code lifetime}, expiring at {@code expires}. */
    public record IssuedKeys(Duration lifetime, Instant expires) {
        public IssuedKeys {
            Objects.requireNonNull(lifetime, "lifetime");
            Objects.requireNonNull(expires, "expires");
        }

        /** The keys of an exchange made at {@code exchangedAt} that expire at {@code expiration}. */
        public static IssuedKeys of(Instant exchangedAt, Instant expiration) {
            return new IssuedKeys(Duration.between(exchangedAt, expiration), expiration);
        }
    }

    /** A projected {@code serviceAccountToken} of a pod: its audience and its lifetime. */
    public record PodToken(String audience, Duration lifetime) {
        public PodToken {
            Objects.requireNonNull(audience, "audience");
            Objects.requireNonNull(lifetime, "lifetime");
        }
    }

    /**
     * The projected web-identity tokens mounted by the pods that run as {@code serviceAccount}: every projected
     * {@code serviceAccountToken} that names an audience (the API server's own token, {@code kube-api-access-*},
     * names none), with Kubernetes' default lifetime when the volume gives none.
     */
    public static List<PodToken> podTokens(List<Pod> pods, String serviceAccount) {
        List<PodToken> tokens = new ArrayList<>();
        for (Pod pod : pods) {
            PodSpec spec = pod.getSpec();
            if (spec == null || !serviceAccount.equals(serviceAccountOf(spec)) || spec.getVolumes() == null) {
                continue;
            }
            for (Volume volume : spec.getVolumes()) {
                ProjectedVolumeSource projected = volume.getProjected();
                if (projected == null || projected.getSources() == null) {
                    continue;
                }
                for (VolumeProjection source : projected.getSources()) {
                    ServiceAccountTokenProjection token = source.getServiceAccountToken();
                    if (token != null
                            && token.getAudience() != null
                            && !token.getAudience().isBlank()) {
                        tokens.add(new PodToken(
                                token.getAudience(),
                                token.getExpirationSeconds() == null
                                        ? KUBERNETES_DEFAULT
                                        : Duration.ofSeconds(token.getExpirationSeconds())));
                    }
                }
            }
        }
        return tokens;
    }

    // an unset name means the namespace's default ServiceAccount (serviceAccount is its deprecated alias)
    private static String serviceAccountOf(PodSpec spec) {
        if (spec.getServiceAccountName() != null
                && !spec.getServiceAccountName().isBlank()) {
            return spec.getServiceAccountName();
        }
        return spec.getServiceAccount() == null || spec.getServiceAccount().isBlank()
                ? "default"
                : spec.getServiceAccount();
    }

    /**
     * What a user is told, e.g. "STS issues its temporary keys for 1 h and the
     * pods' web-identity tokens (audience sts.amazonaws.com) live 24 h, renewed by the kubelet".
     */
    public String describe() {
        List<String> parts = new ArrayList<>();
        // the lifetime, not the current keys' expiry: the status would change with every identity recheck
        keys.ifPresent(k -> parts.add("STS issues its temporary keys for " + human(k.lifetime())));
        if (podTokens.isEmpty()) {
            parts.add("no pod of its ServiceAccount mounts a projected web-identity token");
        } else {
            Map<String, TreeSet<Duration>> byAudience = podTokens.stream()
                    .collect(Collectors.groupingBy(
                            PodToken::audience,
                            TreeMap::new,
                            Collectors.mapping(PodToken::lifetime, Collectors.toCollection(TreeSet::new))));
            String tokens = byAudience.entrySet().stream()
                    .map(e -> "(audience " + e.getKey() + ") live "
                            + e.getValue().stream().map(TokenLifetimes::human).collect(Collectors.joining(" or ")))
                    .collect(Collectors.joining(", tokens "));
            parts.add("the pods' web-identity tokens " + tokens + ", renewed by the kubelet");
        }
        return String.join(" and ", parts);
    }

    /** Hours and minutes, rounded to the minute: an exchange a second ago still reads "1 h". */
    static String human(Duration duration) {
        long minutes = duration.plusSeconds(30).toMinutes();
        if (minutes <= 0) {
            return "less than a minute";
        }
        long hours = minutes / 60;
        long rest = minutes % 60;
        if (hours == 0) {
            return rest + " min";
        }
        return rest == 0 ? hours + " h" : hours + " h " + rest + " min";
    }
}
