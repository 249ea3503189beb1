package dev.credrift.sandbox.kube.front;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The defaults a real API server fills in on create that the mock leaves out and kubectl reads:
 * {@code kubectl rollout status} refuses a StatefulSet whose {@code spec.updateStrategy.type} is not
 * {@code RollingUpdate} — on a real cluster it is never empty (apps/v1 {@code SetDefaults_StatefulSet}).
 */
final class ServerDefaults {

    private ServerDefaults() {}

    /** Fills in the defaults of {@code object} (a {@code resource}) in place. */
    static void apply(ApiResource resource, ObjectNode object) {
        if (!"apps".equals(resource.group()) || !(object.get("spec") instanceof ObjectNode spec)) {
            return;
        }
        if ("statefulsets".equals(resource.plural())) {
            if (!spec.has("updateStrategy")) {
                ObjectNode strategy = spec.putObject("updateStrategy");
                strategy.put("type", "RollingUpdate");
                strategy.putObject("rollingUpdate").put("partition", 0);
            }
            if (!spec.has("podManagementPolicy")) {
                spec.put("podManagementPolicy", "OrderedReady");
            }
        } else if ("deployments".equals(resource.plural()) && !spec.has("strategy")) {
            ObjectNode strategy = spec.putObject("strategy");
            strategy.put("type", "RollingUpdate");
            ObjectNode rolling = strategy.putObject("rollingUpdate");
            rolling.put("maxSurge", "25%");
            rolling.put("maxUnavailable", "25%");
        }
    }
}
