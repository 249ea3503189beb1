/**
 * The reconciliation context of a log line: which binding, why, which handling and which remediation. The handler
 * passes it down explicitly rather than through a thread-local MDC, because one handling hops between the event loop
 * and worker threads and several handlings share the event loop; only a blocking call, which stays on one worker
 * thread from start to end, gets it in the MDC for its duration (see {@code resilience.Guard}).
 */
package dev.credrift.reconciler.logging;
