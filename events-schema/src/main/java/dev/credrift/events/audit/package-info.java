/**
 * The compliance trail: {@link dev.credrift.events.audit.AuditChain} links each binding's {@link
 * dev.credrift.events.payload.AuditRecord}s by an HMAC under an {@link dev.credrift.events.audit.AuditKey} (plain
 * SHA-256 before keys existed), {@link dev.credrift.events.audit.AuditVerifier} reads a stream of them back and reports
 * the first removed, reordered, altered or unverifiable record per binding, and a dropped tail against a {@link
 * dev.credrift.events.audit.ChainAnchor}.
 */
package dev.credrift.events.audit;
