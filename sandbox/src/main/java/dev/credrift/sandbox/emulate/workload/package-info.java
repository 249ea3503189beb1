/**
 * The workload controllers and the kubelet, emulated: Deployments (through ReplicaSets), StatefulSets and
 * DaemonSets get pods named as the real controllers name them, a pod-template change rolls them one at a time as
 * the real controllers do (including a StatefulSet's refusal to roll past an unready pod under
 * {@code OrderedReady}), and each pod reads the Secrets its env and volumes reference when its container starts —
 * kept in the emulator's memory, never in the pod — so env consumers keep old keys until restarted.
 *
 * <p>A pod is ready while its credential passes a {@link dev.credrift.sandbox.emulate.probe.StoreProbe} against
 * the store (Loki-like: {@code Ready=False}, container running), or, per workload, crash-loops on a refused
 * credential (Tempo-like: {@code restartCount}++, {@code CrashLoopBackOff}, and a fresh read of its Secrets at
 * every container restart, as the kubelet builds env at each start). Behaviour comes from annotations
 * ({@link dev.credrift.sandbox.emulate.workload.ConsumerBehaviour}).
 *
 * <p>Worlds may begin mid-life: pods made before their workload ({@link
 * dev.credrift.sandbox.emulate.workload.RunningPods}) are adopted by their StatefulSet and taken over by the kubelet
 * as running, with their start time and readiness; and readiness can fail for reasons other than the store (a
 * workload whose new containers never become ready, a pod whose probe fails from now on), through
 * {@link dev.credrift.sandbox.emulate.workload.WorkloadEmulator}.
 */
package dev.credrift.sandbox.emulate.workload;
