/**
 * What deserves a message, and what it says. The {@link dev.credrift.notifier.report.Reporter} follows
 * each binding's outcome events (drift detected → planned → started → steps → succeeded / failed /
 * halted) and turns them into {@link dev.credrift.notifier.report.Report}s: one when a remediation
 * ends, one at once for an alert. It holds on to the records a report is built from until the report
 * is delivered, so that offsets are committed only then and a restart rebuilds the same report.
 * Pure logic: no I/O, time passed in.
 */
package dev.credrift.notifier.report;
