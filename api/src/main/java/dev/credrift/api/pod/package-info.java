/**
 * What a pod tells about a binding's consumers — which Secrets it reads and how, which workload owns it, whether it
 * is ready and when it last read env — read the same way by the watcher (to index and observe) and the reconciler
 * (to judge freshness), so the two can never disagree about a pod.
 */
package dev.credrift.api.pod;
