package dev.credrift.sandbox.emulate.workload;

import dev.credrift.sandbox.emulate.Cancellable;
import dev.credrift.sandbox.emulate.ControllerLoop;
import dev.credrift.sandbox.emulate.EmulatorScheduler;
import dev.credrift.sandbox.emulate.EnqueueingHandler;
import dev.credrift.sandbox.emulate.probe.ProbeResult;
import dev.credrift.sandbox.emulate.probe.StoreProbe;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deployments, ReplicaSets, StatefulSets and DaemonSets with a kubelet, against the Kubernetes stand-in (see the
 * package description for what is emulated).
 *
 * <p>Everything happens in one level-triggered pass ({@link #syncOnce()}): the kubelet moves each pod one step
 * (start, probe, crash, restart), then each controller creates, deletes or scales one step and writes its status.
 * Passes run on one thread when anything watched changes and on every tick; tests may call {@link #syncOnce()}
 * directly instead.
 */
public final class WorkloadEmulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WorkloadEmulator.class);
    private static final String SYNC = "sync";

    private final KubernetesClient client;
    private final Clock clock;
    private final WorkloadSettings settings;
    private final Kubelet kubelet;
    private final PodFactory pods;
    private final RolloutLog rollouts = new RolloutLog();
    private final ReadinessFaults faults = new ReadinessFaults();
    private final StatefulSetController statefulSets;
    private final DeploymentController deployments;
    private final ReplicaSetController replicaSets;
    private final DaemonSetController daemonSets;
    private final ControllerLoop loop;
    private final Map<String, PodRuntime> runtimes = new HashMap<>();
    private final Map<String, PodHealth> health = new ConcurrentHashMap<>();
    private final Set<String> badBehaviourReported = new HashSet<>();
    private final List<SharedIndexInformer<?>> informers = new CopyOnWriteArrayList<>();
    private volatile Cancellable ticks;

    /**
     * @param client   where workloads and pods live
     * @param clock    "now" for probes, back-off and status times
     * @param probe    how pods judge their credential; empty: every started pod is ready
     * @param settings timing
     */
    public WorkloadEmulator(
            KubernetesClient client, Clock clock, Optional<StoreProbe> probe, WorkloadSettings settings) {
        this.client = Objects.requireNonNull(client, "client");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.kubelet = new Kubelet(client, clock, Objects.requireNonNull(probe, "probe"), settings, faults);
        this.pods = new PodFactory(client);
        this.statefulSets = new StatefulSetController(client, pods, rollouts);
        this.deployments = new DeploymentController(client, rollouts);
        this.replicaSets = new ReplicaSetController(client, pods);
        this.daemonSets = new DaemonSetController(client, pods, rollouts);
        this.loop = new ControllerLoop("workloads", key -> syncOnce());
    }

    /** Follows workloads and pods, and runs a pass every {@link WorkloadSettings#tick()}. */
    public void start(EmulatorScheduler scheduler) {
        informers.add(client.pods().inAnyNamespace().inform(EnqueueingHandler.always(SYNC, loop::enqueue)));
        informers.add(
                client.apps().deployments().inAnyNamespace().inform(EnqueueingHandler.always(SYNC, loop::enqueue)));
        informers.add(
                client.apps().replicaSets().inAnyNamespace().inform(EnqueueingHandler.always(SYNC, loop::enqueue)));
        informers.add(
                client.apps().statefulSets().inAnyNamespace().inform(EnqueueingHandler.always(SYNC, loop::enqueue)));
        informers.add(
                client.apps().daemonSets().inAnyNamespace().inform(EnqueueingHandler.always(SYNC, loop::enqueue)));
        loop.enqueue(SYNC);
        ticks = scheduler.every(settings.tick(), () -> loop.enqueue(SYNC));
    }

    /** One pass over every workload and pod, on the caller's thread. Returns whether anything changed. */
    public synchronized boolean syncOnce() {
        Instant now = clock.instant();
        List<Deployment> deploymentList =
                client.apps().deployments().inAnyNamespace().list().getItems();
        List<ReplicaSet> replicaSetList =
                client.apps().replicaSets().inAnyNamespace().list().getItems();
        List<StatefulSet> statefulSetList =
                client.apps().statefulSets().inAnyNamespace().list().getItems();
        List<DaemonSet> daemonSetList =
                client.apps().daemonSets().inAnyNamespace().list().getItems();
        List<Pod> podList = client.pods().inAnyNamespace().list().getItems();

        Map<String, HasMetadata> byUid = new HashMap<>();
        deploymentList.forEach(o -> byUid.put(o.getMetadata().getUid(), o));
        replicaSetList.forEach(o -> byUid.put(o.getMetadata().getUid(), o));
        statefulSetList.forEach(o -> byUid.put(o.getMetadata().getUid(), o));
        daemonSetList.forEach(o -> byUid.put(o.getMetadata().getUid(), o));

        Set<String> live = new HashSet<>();
        podList.forEach(p -> live.add(p.getMetadata().getUid()));
        for (String uid : new ArrayList<>(runtimes.keySet())) {
            if (!live.contains(uid)) {
                runtimes.remove(uid);
                faults.forget(uid);
                PodHealth gone = health.remove(uid);
                if (!pods.deletedByController(uid) && gone != null) {
                    gone.owner().ifPresent(rollouts::externalDeletion);
                }
            }
        }

        boolean changed = false;
        Map<Kubelet.ProbeKey, ProbeResult> probes = new HashMap<>();
        Map<String, List<Pod>> podsByOwner = new HashMap<>();
        List<Pod> orphans = new ArrayList<>();
        for (Pod pod : podList) {
            if (pod.getMetadata().getDeletionTimestamp() != null) {
                continue;
            }
            controllerUid(pod)
                    .ifPresentOrElse(
                            uid -> podsByOwner
                                    .computeIfAbsent(uid, k -> new ArrayList<>())
                                    .add(pod),
                            () -> orphans.add(pod));
            Optional<HasMetadata> top = topOwner(pod, byUid);
            PodRuntime rt = runtimes.computeIfAbsent(pod.getMetadata().getUid(), PodRuntime::new);
            changed |= kubelet.sync(pod, rt, behaviour(pod, top), workload(top), probes);
            health.put(rt.uid, health(pod, rt, top));
        }
        for (StatefulSet set : statefulSetList) {
            changed |= guarded(set, () -> statefulSets.adoptOrphans(set, orphans, podsByOwner));
        }
        Predicate<Pod> runningAndReady = pod -> {
            PodRuntime rt = runtimes.get(pod.getMetadata().getUid());
            return rt != null && rt.running() && rt.ready;
        };
        for (StatefulSet set : statefulSetList) {
            changed |= guarded(set, () -> statefulSets.sync(set, owned(podsByOwner, set), runningAndReady, now));
        }
        for (DaemonSet set : daemonSetList) {
            changed |= guarded(set, () -> daemonSets.sync(set, owned(podsByOwner, set), runningAndReady, now));
        }
        Map<String, List<ReplicaSet>> setsByDeployment = new HashMap<>();
        for (ReplicaSet set : replicaSetList) {
            controllerUid(set)
                    .ifPresent(uid -> setsByDeployment
                            .computeIfAbsent(uid, k -> new ArrayList<>())
                            .add(set));
        }
        for (Deployment deployment : deploymentList) {
            changed |= guarded(
                    deployment,
                    () -> deployments.sync(
                            deployment,
                            setsByDeployment.getOrDefault(
                                    deployment.getMetadata().getUid(), List.of()),
                            podsByOwner,
                            runningAndReady,
                            now));
        }
        for (ReplicaSet set : replicaSetList) {
            changed |= guarded(set, () -> replicaSets.sync(set, owned(podsByOwner, set), runningAndReady));
        }
        return changed;
    }

    /** Runs passes until one changes nothing (at most {@code maxPasses}); for tests on a manual clock. */
    public void syncUntilSettled(int maxPasses) {
        for (int i = 0; i < maxPasses; i++) {
            if (!syncOnce()) {
                return;
            }
        }
    }

    /** What the kubelet knows about every pod it runs. */
    public List<PodHealth> pods() {
        return health.values().stream()
                .sorted(Comparator.comparing(PodHealth::namespace).thenComparing(PodHealth::name))
                .toList();
    }

    /** The pods of one workload, by name. */
    public List<PodHealth> pods(WorkloadRef workload) {
        return pods().stream()
                .filter(p -> p.owner().filter(workload::equals).isPresent())
                .toList();
    }

    /** One pod, by namespace and name. */
    public Optional<PodHealth> pod(String namespace, String name) {
        return pods().stream()
                .filter(p -> p.namespace().equals(namespace) && p.name().equals(name))
                .findFirst();
    }

    /** How many times the workload's template changed while the emulator watched it. */
    public int rollouts(WorkloadRef workload) {
        return rollouts.rollouts(workload);
    }

    /** Every rollout seen, oldest first. */
    public List<RolloutRecord> rolloutHistory() {
        return rollouts.history();
    }

    /**
     * Whether the workload's controller held back a new template because an old pod was not running and ready (a
     * StatefulSet under {@code OrderedReady}, kubernetes#67250).
     */
    public boolean rolloutRefused(WorkloadRef workload) {
        return rollouts.wasRefused(workload);
    }

    /**
     * Containers the kubelet starts for the workload from now on never pass their readiness probe, whatever the
     * store says (a rollout of a broken image or config); those running keep their state.
     */
    public void neverReady(WorkloadRef workload) {
        faults.neverReady(workload);
    }

    /** Containers started for the workload from now on are judged as usual; those started broken stay broken. */
    public void readyAgain(WorkloadRef workload) {
        faults.readyAgain(workload);
    }

    /**
     * The running pod's readiness probe fails from now on (its process stopped answering); in effect, in the API
     * too, when this returns. A new pod of the same name is a new process and is judged as usual.
     *
     * @throws IllegalArgumentException naming the pod when there is no such pod
     */
    public void failReadiness(String namespace, String pod) {
        Pod found = client.pods().inNamespace(namespace).withName(pod).get();
        if (found == null) {
            throw new IllegalArgumentException(
                    "pod " + namespace + "/" + pod + " not found: cannot fail its readiness");
        }
        faults.failFromNowOn(found.getMetadata().getUid());
        syncOnce();
    }

    /** How many of the workload's pods were deleted by someone other than its controller (e.g. {@code kubectl}). */
    public int podsDeletedByOthers(WorkloadRef workload) {
        return rollouts.externalDeletions(workload);
    }

    private boolean guarded(HasMetadata object, BooleanSupplier step) {
        try {
            boolean changed = step.getAsBoolean();
            if (changed) {
                LOG.debug(
                        "{} {}/{} changed",
                        object.getKind(),
                        object.getMetadata().getNamespace(),
                        object.getMetadata().getName());
            }
            return changed;
        } catch (RuntimeException e) {
            LOG.warn(
                    "{} {}/{}: controller step failed: {}",
                    object.getKind(),
                    object.getMetadata().getNamespace(),
                    object.getMetadata().getName(),
                    e.toString());
            return false;
        }
    }

    private ConsumerBehaviour behaviour(Pod pod, Optional<HasMetadata> top) {
        // the workload's annotations, overridden key by key by the pod's (its template's)
        Map<String, String> annotations = new HashMap<>();
        top.map(o -> o.getMetadata().getAnnotations())
                .ifPresent(a -> a.forEach((k, v) -> {
                    if (k.startsWith(ConsumerBehaviour.PREFIX)) {
                        annotations.put(k, v);
                    }
                }));
        Optional.ofNullable(pod.getMetadata().getAnnotations())
                .ifPresent(a -> a.forEach((k, v) -> {
                    if (k.startsWith(ConsumerBehaviour.PREFIX)) {
                        annotations.put(k, v);
                    }
                }));
        if (annotations.isEmpty()) {
            return ConsumerBehaviour.NO_PROBE;
        }
        try {
            return ConsumerBehaviour.from(annotations);
        } catch (IllegalArgumentException e) {
            if (badBehaviourReported.add(pod.getMetadata().getUid())) {
                LOG.warn(
                        "pod {}/{}: {}; running it without a probe",
                        pod.getMetadata().getNamespace(),
                        pod.getMetadata().getName(),
                        e.getMessage());
            }
            return ConsumerBehaviour.NO_PROBE;
        }
    }

    private static Optional<WorkloadRef> workload(Optional<HasMetadata> top) {
        return top.flatMap(o -> WorkloadKind.fromKind(o.getKind())
                .map(kind -> new WorkloadRef(
                        o.getMetadata().getNamespace(), kind, o.getMetadata().getName())));
    }

    private static PodHealth health(Pod pod, PodRuntime rt, Optional<HasMetadata> top) {
        Optional<WorkloadRef> owner = workload(top);
        Map<String, String> labels = pod.getMetadata().getLabels();
        Optional<String> revision = labels == null
                ? Optional.empty()
                : Optional.ofNullable(labels.getOrDefault(
                        StatefulSetController.REVISION_LABEL, labels.get(DeploymentController.HASH_LABEL)));
        return new PodHealth(
                pod.getMetadata().getNamespace(),
                pod.getMetadata().getName(),
                rt.uid,
                owner,
                rt.containerStartedAt != null,
                Optional.ofNullable(rt.startFailureMessage),
                Optional.ofNullable(rt.containerStartedAt),
                rt.credential,
                Optional.ofNullable(rt.lastProbe),
                rt.running() && rt.ready,
                rt.restartCount,
                revision);
    }

    private static Optional<HasMetadata> topOwner(HasMetadata object, Map<String, HasMetadata> byUid) {
        HasMetadata current = object;
        HasMetadata top = null;
        for (int depth = 0; depth < 3; depth++) {
            Optional<String> uid = controllerUid(current);
            if (uid.isEmpty() || !byUid.containsKey(uid.get())) {
                break;
            }
            current = byUid.get(uid.get());
            top = current;
        }
        return Optional.ofNullable(top);
    }

    private static Optional<String> controllerUid(HasMetadata object) {
        List<OwnerReference> owners = object.getMetadata().getOwnerReferences();
        if (owners == null) {
            return Optional.empty();
        }
        return owners.stream()
                .filter(o -> Boolean.TRUE.equals(o.getController()))
                .map(OwnerReference::getUid)
                .findFirst();
    }

    private static List<Pod> owned(Map<String, List<Pod>> podsByOwner, HasMetadata owner) {
        return podsByOwner.getOrDefault(owner.getMetadata().getUid(), List.of());
    }

    @Override
    public void close() {
        Cancellable running = ticks;
        if (running != null) {
            running.cancel();
        }
        informers.forEach(SharedIndexInformer::close);
        loop.close();
    }
}
