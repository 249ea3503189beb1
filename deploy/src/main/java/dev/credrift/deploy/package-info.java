/**
 * Deployment assets (Helm chart, CRD, RBAC) and their tests. Not built yet (issue 8).
 */
package dev.credrift.deploy;
