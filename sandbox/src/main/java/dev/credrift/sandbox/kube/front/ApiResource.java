package dev.credrift.sandbox.kube.front;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;

/**
 * One resource the front serves, as discovery lists it: a built-in kind of the real API server or a served version
 * of an installed CRD (with its {@code additionalPrinterColumns}, empty for built-ins, whose columns are
 * {@link BuiltinColumns}).
 *
 * @param group          empty for the core group
 * @param printerColumns the CRD version's {@code additionalPrinterColumns} (JSON), empty for built-ins
 */
record ApiResource(
        String group,
        String version,
        String plural,
        String singular,
        String kind,
        boolean namespaced,
        List<String> shortNames,
        List<String> categories,
        List<JsonNode> printerColumns,
        boolean hasStatus) {

    static final List<String> VERBS =
            List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

    /** {@code v1} or {@code apps/v1}. */
    String groupVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    static ApiResource builtin(
            String groupVersion,
            String plural,
            String kind,
            boolean namespaced,
            List<String> shortNames,
            List<String> categories) {
        int slash = groupVersion.indexOf('/');
        String group = slash < 0 ? "" : groupVersion.substring(0, slash);
        String version = groupVersion.substring(slash + 1);
        return new ApiResource(
                group,
                version,
                plural,
                kind.toLowerCase(Locale.ROOT),
                kind,
                namespaced,
                shortNames,
                categories,
                List.of(),
                false);
    }
}
