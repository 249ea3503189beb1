/**
 * {@code credrift check}: assess bindings once from wherever a kubeconfig reaches the cluster, and print what credrift
 * sees and would do — without Kafka and without changing anything. The first thing to run when paged.
 */
package dev.credrift.app.check;
