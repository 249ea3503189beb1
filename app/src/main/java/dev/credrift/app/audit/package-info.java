/**
 * {@code credrift audit verify}: reads the audit topic from its beginning to its end offsets, checks every binding's
 * hash chain with events-schema's {@link dev.credrift.events.audit.AuditVerifier} and prints a summary per binding.
 */
package dev.credrift.app.audit;
