/**
 * The compliance trail: {@link dev.credrift.events.audit.AuditChain} links each binding's {@link
 * dev.credrift.events.payload.AuditRecord}s by hash, {@link dev.credrift.events.audit.AuditVerifier}
 * reads a stream of them back and reports the first removed, reordered or altered record per binding.
 */
package dev.credrift.events.audit;
