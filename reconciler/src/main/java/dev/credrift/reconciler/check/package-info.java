/**
 * One binding assessed once, on demand, with nothing changed: what {@code credrift check} prints for an SRE at 3 a.m.
 * It reads the same world the reconciler reads (cluster, vault, store probe) and runs the same assessment,
 * classification and planning, but without Kafka, without the journal and without acting — so it can run from a
 * laptop with a kubeconfig while the in-cluster reconciler is down or suspected.
 */
package dev.credrift.reconciler.check;
