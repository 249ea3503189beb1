/**
 * The one list of every Kubernetes API call credrift makes, in code ({@link dev.credrift.api.access.KubeCalls#ALL}).
 *
 * <p>Why it exists: least privilege has to be derived from what the code does, not from what someone remembers.
 * The Helm chart's RBAC is tested against this list in both directions (every call granted, nothing beyond it), and
 * an integration test of the app module replays the sandbox worlds, records every request the watcher and the
 * reconciler send to the API server and fails on any request that no entry here explains. A new call in the code
 * therefore means a new entry here, which the chart test then forces into the RBAC.
 */
package dev.credrift.api.access;
