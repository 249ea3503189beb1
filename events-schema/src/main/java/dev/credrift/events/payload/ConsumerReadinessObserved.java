package dev.credrift.events.payload;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.credrift.events.BindingId;
import java.time.Instant;
import java.util.List;

/**
 * The watcher read the workloads that consume the replica Secret: how ready they are, how they
 * read the Secret and when each pod started (a pod older than the replica's last change is stale).
 */
public record ConsumerReadinessObserved(BindingId bindingId, List<Workload> workloads, List<Problem> problems)
        implements EventPayload {

    /** Validates like {@code dev.credrift.observation.consumer-readiness.v1.json}. */
    public ConsumerReadinessObserved {
        Check.required(bindingId, "bindingId");
        workloads = Check.list(workloads, "workloads");
        problems = Check.list(problems, "problems");
    }

    @Override
    public EventType type() {
        return EventType.CONSUMER_READINESS_OBSERVED;
    }

    /**
     * One consuming workload.
     *
     * @param readyReplicas ready pods, as the workload's status counts them
     * @param replicas      desired pods
     * @param readsVia      how its pod template reads the replica Secret; env and subPath never see a change without a restart
     */
    public record Workload(
            WorkloadKind kind,
            String namespace,
            String name,
            int readyReplicas,
            int replicas,
            List<SecretMount> readsVia,
            List<Pod> pods) {

        /** Validates like the schema's {@code workload}. */
        public Workload {
            Check.required(kind, "kind");
            Check.namespace(namespace, "namespace");
            Check.name(name, "name");
            Check.atLeast(readyReplicas, 0, "readyReplicas");
            Check.atLeast(replicas, 0, "replicas");
            readsVia = Check.distinctList(readsVia, "readsVia");
            pods = Check.list(pods, "pods");
        }
    }

    /**
     * One pod of a workload.
     *
     * @param startedAt when its containers started; absent while pending
     */
    public record Pod(String name, boolean ready, int restartCount, Instant startedAt) {

        /** Validates like the schema's {@code pod}. */
        public Pod {
            Check.name(name, "name");
            Check.atLeast(restartCount, 0, "restartCount");
        }
    }

    /** The kinds of workload credrift can roll, spelt as Kubernetes spells them. */
    public enum WorkloadKind {
        @JsonProperty("Deployment")
        DEPLOYMENT,
        @JsonProperty("StatefulSet")
        STATEFUL_SET,
        @JsonProperty("DaemonSet")
        DAEMON_SET
    }

    /** How a pod reads the replica Secret. */
    public enum SecretMount {
        /** {@code env} / {@code envFrom}: fixed at container start. */
        ENV,
        /** A whole-Secret volume: kubelet refreshes it eventually. */
        VOLUME,
        /** A {@code subPath} mount: fixed at container start. */
        SUB_PATH
    }
}
