/**
 * The scale benchmark (issue 13): sandbox worlds of N bindings rotated at once, measured end to end against the real
 * watcher, reconciler and notifier — detection and heal times, credrift's API requests by verb, CPU, heap and thread
 * starts — printed as a table and plotted. Test sources only, so that its plotting library never reaches a shipped
 * classpath; run it with the {@code scale-benchmark} profile (README "Scale benchmark (issue 13)").
 */
package dev.credrift.app.sandbox.bench;
