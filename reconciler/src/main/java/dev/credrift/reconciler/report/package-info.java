/**
 * Saying what happened, everywhere it is looked for: outcome events on {@code credrift.outcomes}, hash-chained
 * audit records on {@code credrift.audit} (one chain per binding, correlation id = the remediation id), the
 * CredentialBinding's status (conditions stamped with {@code observedGeneration}, fingerprints per hop, drift
 * class, last remediation, halt), Kubernetes Events ({@code events.k8s.io/v1}) on the binding, and Micrometer
 * metrics. Nothing here ever carries a credential or a raw exception message: details are composed by credrift
 * from fingerprints, masked key ids and object names ({@link dev.credrift.reconciler.report.SafeText}).
 */
package dev.credrift.reconciler.report;
