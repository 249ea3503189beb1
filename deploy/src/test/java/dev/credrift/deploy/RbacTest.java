package dev.credrift.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.credrift.api.access.Caller;
import dev.credrift.api.access.Feature;
import dev.credrift.api.access.KubeCall;
import dev.credrift.api.access.KubeCalls;
import dev.credrift.api.access.Reach;
import dev.credrift.api.access.Verb;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The chart's RBAC against {@link KubeCalls}, for every combination: each ServiceAccount is granted exactly the calls
 * of the roles it runs whose feature is on — every call granted, nothing beyond (no wildcard, no extra verb or
 * resource, no non-resource URL).
 *
 * <p>Where a grant applies: calls across all namespaces and into binding namespaces need the ClusterRole; with
 * {@code rbac.secretNamespaces} the Secret calls are granted by a Role in each listed namespace instead, and nowhere
 * else. (The watcher's label-selected Secret informers are cluster-wide today, so that mode also needs the watcher to
 * watch per namespace — see deploy/README.md; this test pins what the chart grants.) The Lease is granted in the
 * release namespace only.
 */
class RbacTest {

    private static final String CLUSTER = "*";

    /** One permission: an account may do {@code verb} on {@code group/resource} in {@code namespace} ("*": all). */
    record Grant(String account, String namespace, String group, String resource, String verb)
            implements Comparable<Grant> {
        @Override
        public int compareTo(Grant o) {
            return toString().compareTo(o.toString());
        }
    }

    static List<String> combinations() {
        return HelmChart.combinations();
    }

    @ParameterizedTest
    @MethodSource("combinations")
    void shouldGrantExactlyTheListedCallsWhenRendered(String combination) {
        List<HasMetadata> objects = HelmChart.objects(HelmChart.template(combination));

        Set<Grant> granted = granted(objects);
        Set<Grant> expected = expected(HelmChart.valuesTree(combination));

        Set<Grant> missing = new TreeSet<>(expected);
        missing.removeAll(granted);
        Set<Grant> extra = new TreeSet<>(granted);
        extra.removeAll(expected);
        assertThat(missing)
                .as("calls credrift makes that the chart does not grant")
                .isEmpty();
        assertThat(extra).as("grants no call in KubeCalls needs").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("combinations")
    void shouldUseNoWildcardOrNonResourceUrlWhenRendered(String combination) {
        List<HasMetadata> objects = HelmChart.objects(HelmChart.template(combination));

        for (PolicyRule rule : rules(objects)) {
            assertThat(rule.getNonResourceURLs()).isNullOrEmpty();
            assertThat(rule.getApiGroups()).doesNotContain("*");
            assertThat(rule.getResources()).noneMatch(r -> r.contains("*"));
            assertThat(rule.getVerbs()).doesNotContain("*");
        }
    }

    @ParameterizedTest
    @MethodSource("combinations")
    void shouldLimitLeaseReadsAndRenewalsToCredriftsLeaseWhenLeaderElectionIsOn(String combination) {
        List<HasMetadata> objects = HelmChart.objects(HelmChart.template(combination));

        for (PolicyRule rule : rules(objects)) {
            if (rule.getResources().contains("leases") && !rule.getVerbs().equals(List.of("create"))) {
                assertThat(rule.getResourceNames()).containsExactly("credrift-watcher");
            } else if (!rule.getResources().contains("leases")) {
                assertThat(rule.getResourceNames()).isNullOrEmpty();
            }
        }
    }

    /** What the chart grants, expanded to one entry per account, namespace, group, resource and verb. */
    static Set<Grant> granted(List<HasMetadata> objects) {
        Map<String, ClusterRole> clusterRoles = new LinkedHashMap<>();
        HelmChart.ofType(objects, ClusterRole.class)
                .forEach(r -> clusterRoles.put(r.getMetadata().getName(), r));
        Map<String, Role> roles = new LinkedHashMap<>();
        HelmChart.ofType(objects, Role.class)
                .forEach(r -> roles.put(
                        r.getMetadata().getNamespace() + "/" + r.getMetadata().getName(), r));
        Set<Grant> grants = new TreeSet<>();
        for (ClusterRoleBinding binding : HelmChart.ofType(objects, ClusterRoleBinding.class)) {
            assertThat(binding.getRoleRef().getKind()).isEqualTo("ClusterRole");
            ClusterRole role = clusterRoles.get(binding.getRoleRef().getName());
            assertThat(role).as("ClusterRole " + binding.getRoleRef().getName()).isNotNull();
            add(grants, binding.getSubjects(), CLUSTER, role.getRules());
        }
        for (RoleBinding binding : HelmChart.ofType(objects, RoleBinding.class)) {
            String namespace = binding.getMetadata().getNamespace();
            List<PolicyRule> rules = binding.getRoleRef().getKind().equals("Role")
                    ? roles.get(namespace + "/" + binding.getRoleRef().getName())
                            .getRules()
                    : clusterRoles.get(binding.getRoleRef().getName()).getRules();
            add(grants, binding.getSubjects(), namespace, rules);
        }
        return grants;
    }

    /** What {@link KubeCalls} says the accounts of this combination need. */
    static Set<Grant> expected(JsonNode values) {
        boolean split = values.path("splitRoles").asBoolean();
        Set<Feature> features = EnumSet.of(Feature.CORE);
        if (values.at("/watcher/leaderElection").asBoolean()) {
            features.add(Feature.LEADER_ELECTION);
        }
        if (values.at("/webIdentity/enabled").asBoolean()) {
            features.add(Feature.WEB_IDENTITY);
        }
        if (values.at("/rotation/enabled").asBoolean()) {
            features.add(Feature.ROTATION);
        }
        List<String> secretNamespaces = new ArrayList<>();
        values.at("/rbac/secretNamespaces").forEach(n -> secretNamespaces.add(n.asText()));
        Map<String, Set<Caller>> accounts = split
                ? Map.of(
                        HelmChart.RELEASE + "-watcher",
                        Set.of(Caller.WATCHER),
                        HelmChart.RELEASE + "-reconciler",
                        Set.of(Caller.RECONCILER))
                : Map.of(HelmChart.RELEASE, Set.of(Caller.WATCHER, Caller.RECONCILER));
        Set<Grant> grants = new TreeSet<>();
        accounts.forEach((account, callers) -> {
            for (KubeCall call : KubeCalls.of(callers, features)) {
                List<String> where;
                if (call.reach() == Reach.OWN_NAMESPACE) {
                    where = List.of(HelmChart.NAMESPACE);
                } else if (call.resource().equals("secrets") && !secretNamespaces.isEmpty()) {
                    where = secretNamespaces;
                } else {
                    where = List.of(CLUSTER);
                }
                for (String namespace : where) {
                    for (Verb verb : call.verbs()) {
                        grants.add(new Grant(
                                "credrift/" + account, namespace, call.group(), call.rbacResource(), verb.rbac()));
                    }
                }
            }
        });
        return grants;
    }

    private static void add(Set<Grant> grants, List<Subject> subjects, String namespace, List<PolicyRule> rules) {
        for (Subject subject : subjects) {
            assertThat(subject.getKind()).isEqualTo("ServiceAccount");
            for (PolicyRule rule : rules) {
                for (String group : rule.getApiGroups()) {
                    for (String resource : rule.getResources()) {
                        for (String verb : rule.getVerbs()) {
                            grants.add(new Grant(
                                    subject.getNamespace() + "/" + subject.getName(),
                                    namespace,
                                    group,
                                    resource,
                                    verb));
                        }
                    }
                }
            }
        }
    }

    private static List<PolicyRule> rules(List<HasMetadata> objects) {
        List<PolicyRule> rules = new ArrayList<>();
        HelmChart.ofType(objects, ClusterRole.class).forEach(r -> rules.addAll(r.getRules()));
        HelmChart.ofType(objects, Role.class).forEach(r -> rules.addAll(r.getRules()));
        return rules;
    }
}
