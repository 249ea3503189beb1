package dev.credrift.sandbox.kube.front;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The discovery documents kubectl reads before anything else ({@code /version}, {@code /api}, {@code /api/v1},
 * {@code /apis}, {@code /apis/<group>}, {@code /apis/<group>/<version>}), built from the built-in kinds the sandbox
 * uses and the CRDs installed in the mock at the time of the request. Served as the legacy (unaggregated) documents
 * with {@code Content-Type: application/json}: kubectl 1.32 asks for aggregated discovery first and falls back to
 * these when the answer's content type lacks {@code as=APIGroupDiscoveryList}.
 */
final class Discovery {

    /** The Kubernetes version the front claims: the minor kubectl 1.32 expects without a skew warning. */
    static final String GIT_VERSION = "v1.32.0";

    private static final List<String> ALL = List.of("all");
    private static final List<ApiResource> BUILTIN = List.of(
            ApiResource.builtin("v1", "configmaps", "ConfigMap", true, List.of("cm"), List.of()),
            ApiResource.builtin("v1", "events", "Event", true, List.of("ev"), List.of()),
            ApiResource.builtin("v1", "namespaces", "Namespace", false, List.of("ns"), List.of()),
            ApiResource.builtin("v1", "nodes", "Node", false, List.of("no"), List.of()),
            ApiResource.builtin(
                    "v1", "persistentvolumeclaims", "PersistentVolumeClaim", true, List.of("pvc"), List.of()),
            ApiResource.builtin("v1", "pods", "Pod", true, List.of("po"), ALL),
            ApiResource.builtin("v1", "secrets", "Secret", true, List.of(), List.of()),
            ApiResource.builtin("v1", "serviceaccounts", "ServiceAccount", true, List.of("sa"), List.of()),
            ApiResource.builtin("v1", "services", "Service", true, List.of("svc"), ALL),
            ApiResource.builtin(
                    "apiextensions.k8s.io/v1",
                    "customresourcedefinitions",
                    "CustomResourceDefinition",
                    false,
                    List.of("crd", "crds"),
                    List.of()),
            ApiResource.builtin("apps/v1", "controllerrevisions", "ControllerRevision", true, List.of(), List.of()),
            ApiResource.builtin("apps/v1", "daemonsets", "DaemonSet", true, List.of("ds"), ALL),
            ApiResource.builtin("apps/v1", "deployments", "Deployment", true, List.of("deploy"), ALL),
            ApiResource.builtin("apps/v1", "replicasets", "ReplicaSet", true, List.of("rs"), ALL),
            ApiResource.builtin("apps/v1", "statefulsets", "StatefulSet", true, List.of("sts"), ALL),
            ApiResource.builtin("coordination.k8s.io/v1", "leases", "Lease", true, List.of(), List.of()),
            // "ev" for core Events only: when two resources share it, kubectl 1.32 warns on every "get ev"
            ApiResource.builtin("events.k8s.io/v1", "events", "Event", true, List.of(), List.of()));

    private final ObjectMapper json;
    private final List<ApiResource> resources;

    private Discovery(ObjectMapper json, List<ApiResource> resources) {
        this.json = json;
        this.resources = resources;
    }

    /** The built-in kinds plus every served version of {@code crds} (a CustomResourceDefinitionList's items). */
    static Discovery of(ObjectMapper json, JsonNode crds) {
        List<ApiResource> all = new ArrayList<>(BUILTIN);
        for (JsonNode crd : crds) {
            JsonNode spec = crd.path("spec");
            JsonNode names = spec.path("names");
            for (JsonNode version : spec.path("versions")) {
                if (!version.path("served").asBoolean(false)) {
                    continue;
                }
                List<JsonNode> columns = new ArrayList<>();
                version.path("additionalPrinterColumns").forEach(columns::add);
                all.add(new ApiResource(
                        spec.path("group").asText(),
                        version.path("name").asText(),
                        names.path("plural").asText(),
                        names.path("singular")
                                .asText(names.path("kind").asText().toLowerCase(Locale.ROOT)),
                        names.path("kind").asText(),
                        !"Cluster".equals(spec.path("scope").asText()),
                        texts(names.path("shortNames")),
                        texts(names.path("categories")),
                        List.copyOf(columns),
                        version.path("subresources").has("status")));
            }
        }
        return new Discovery(json, List.copyOf(all));
    }

    /** The resource a request path names, e.g. group {@code apps}, version {@code v1}, plural {@code statefulsets}. */
    Optional<ApiResource> find(String group, String version, String plural) {
        return resources.stream()
                .filter(r -> r.group().equals(group)
                        && r.version().equals(version)
                        && r.plural().equals(plural))
                .findFirst();
    }

    ObjectNode version() {
        ObjectNode body = json.createObjectNode();
        body.put("major", "1");
        body.put("minor", "32");
        body.put("gitVersion", GIT_VERSION);
        body.put("gitCommit", "credrift-sandbox");
        body.put("gitTreeState", "clean");
        body.put("buildDate", "2026-01-01T00:00:00Z");
        body.put("goVersion", "go1.23");
        body.put("compiler", "gc");
        body.put("platform", "linux/amd64");
        return body;
    }

    /** {@code /api}: APIVersions. */
    ObjectNode coreVersions() {
        ObjectNode body = json.createObjectNode();
        body.put("kind", "APIVersions");
        body.putArray("versions").add("v1");
        ObjectNode address = body.putArray("serverAddressByClientCIDRs").addObject();
        address.put("clientCIDR", "0.0.0.0/0");
        address.put("serverAddress", "127.0.0.1");
        return body;
    }

    /** {@code /apis}: APIGroupList of every group but the core one. */
    ObjectNode groups() {
        ObjectNode body = json.createObjectNode();
        body.put("kind", "APIGroupList");
        body.put("apiVersion", "v1");
        ArrayNode groups = body.putArray("groups");
        versionsByGroup().forEach((group, versions) -> {
            if (!group.isEmpty()) {
                groups.add(group(group, versions));
            }
        });
        return body;
    }

    /** {@code /apis/<group>}: APIGroup, if the group is served. */
    Optional<ObjectNode> group(String group) {
        List<String> versions = versionsByGroup().get(group);
        if (versions == null || group.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode body = group(group, versions);
        body.put("kind", "APIGroup");
        body.put("apiVersion", "v1");
        return Optional.of(body);
    }

    /** {@code /api/v1} or {@code /apis/<group>/<version>}: APIResourceList, if that group version is served. */
    Optional<ObjectNode> resources(String group, String version) {
        List<ApiResource> served = resources.stream()
                .filter(r -> r.group().equals(group) && r.version().equals(version))
                .toList();
        if (served.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode body = json.createObjectNode();
        body.put("kind", "APIResourceList");
        body.put("apiVersion", "v1");
        body.put("groupVersion", served.get(0).groupVersion());
        ArrayNode list = body.putArray("resources");
        for (ApiResource r : served) {
            ObjectNode entry = list.addObject();
            entry.put("name", r.plural());
            entry.put("singularName", r.singular());
            entry.put("namespaced", r.namespaced());
            entry.put("kind", r.kind());
            ApiResource.VERBS.forEach(entry.putArray("verbs")::add);
            if (!r.shortNames().isEmpty()) {
                r.shortNames().forEach(entry.putArray("shortNames")::add);
            }
            if (!r.categories().isEmpty()) {
                r.categories().forEach(entry.putArray("categories")::add);
            }
            if (r.hasStatus()) {
                ObjectNode status = list.addObject();
                status.put("name", r.plural() + "/status");
                status.put("singularName", "");
                status.put("namespaced", r.namespaced());
                status.put("kind", r.kind());
                status.putArray("verbs").add("get").add("patch").add("update");
            }
        }
        return Optional.of(body);
    }

    private Map<String, List<String>> versionsByGroup() {
        Map<String, List<String>> byGroup = new LinkedHashMap<>();
        for (ApiResource r : resources) {
            List<String> versions = byGroup.computeIfAbsent(r.group(), g -> new ArrayList<>());
            if (!versions.contains(r.version())) {
                versions.add(r.version());
            }
        }
        return byGroup;
    }

    private ObjectNode group(String group, List<String> versions) {
        ObjectNode body = json.createObjectNode();
        body.put("name", group);
        ArrayNode list = body.putArray("versions");
        for (String version : versions) {
            ObjectNode entry = list.addObject();
            entry.put("groupVersion", group + "/" + version);
            entry.put("version", version);
        }
        ObjectNode preferred = body.putObject("preferredVersion");
        preferred.put("groupVersion", group + "/" + versions.get(0));
        preferred.put("version", versions.get(0));
        return body;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return List.copyOf(texts);
    }
}
