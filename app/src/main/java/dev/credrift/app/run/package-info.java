/**
 * {@code credrift run}: its options, the start-up sequence (Kafka → Vert.x → HTTP → topics → readiness → Kubernetes check → roles, the watcher and reconciler deferred
 * until the Kubernetes API answers) and the
 * bounded shutdown that undoes it in a fixed order.
 */
package dev.credrift.app.run;
