/**
 * Building observations: what a binding reads (resolved against the caches), and the payload of each facet —
 * source and replica fingerprints, the ExternalSecret's status, consumer readiness — with typed problems for every
 * kind of bad input.
 */
package dev.credrift.watcher.observe;
