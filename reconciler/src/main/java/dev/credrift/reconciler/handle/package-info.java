/**
 * One handling of one binding, level-triggered: read the binding and its world, probe the authority's credential,
 * assess, classify, then act on the verdict — lift a halt that was cleared, publish what changed (drift detected,
 * back in sync, the plan), resume an interrupted remediation or start a new one (never in {@code mode: Observe},
 * never while halted), and conclude it (succeeded, failed with a retry timer or waiting for new evidence, halted,
 * deferred by a budget, or superseded by a new authority). What to do is decided first, purely, by
 * {@link dev.credrift.reconciler.handle.Decider} (a sealed {@link dev.credrift.reconciler.handle.Decision}); the
 * handler then carries it out. Every outcome,
 * audit record and journal write is acknowledged before the handling completes, which is when its observation's
 * offset may be committed.
 */
package dev.credrift.reconciler.handle;
