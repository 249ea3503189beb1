package dev.credrift.api.spec;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A workload in the binding's namespace whose pods read the replica and are rolled when it changes.
 *
 * @param kind {@code Deployment}, {@code StatefulSet} or {@code DaemonSet}
 * @param name the workload's name
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConsumerRef(WorkloadKind kind, String name) {}
