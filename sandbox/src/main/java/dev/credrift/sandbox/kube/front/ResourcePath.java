package dev.credrift.sandbox.kube.front;

import java.util.Optional;

/**
 * A resource request path taken apart: {@code /api/v1/namespaces/<ns>/<plural>/<name>/<subresource>} or
 * {@code /apis/<group>/<version>/…}; namespace, name and subresource may be absent.
 */
record ResourcePath(String group, String version, String namespace, String plural, String name, String subresource) {

    static Optional<ResourcePath> parse(String path) {
        String[] all = path.replaceAll("^/+|/+$", "").split("/");
        int start;
        String group;
        if (all.length >= 3 && all[0].equals("api")) {
            group = "";
            start = 1;
        } else if (all.length >= 4 && all[0].equals("apis")) {
            group = all[1];
            start = 2;
        } else {
            return Optional.empty();
        }
        String version = all[start];
        int at = start + 1;
        int left = all.length - at;
        if (all[at].equals("namespaces") && left >= 3) {
            return Optional.of(
                    new ResourcePath(group, version, all[at + 1], all[at + 2], part(all, at + 3), part(all, at + 4)));
        }
        return Optional.of(new ResourcePath(group, version, null, all[at], part(all, at + 1), part(all, at + 2)));
    }

    boolean isEvents() {
        return plural.equals("events") && (group.isEmpty() || group.equals("events.k8s.io"));
    }

    boolean isCollection() {
        return name == null;
    }

    /** The same collection under another group version, e.g. Events under {@code events.k8s.io/v1}. */
    String collectionPath(String groupVersion) {
        String prefix = groupVersion.contains("/") ? "/apis/" + groupVersion : "/api/" + groupVersion;
        return prefix + (namespace == null ? "" : "/namespaces/" + namespace) + "/" + plural;
    }

    private static String part(String[] all, int index) {
        return index < all.length ? all[index] : null;
    }
}
