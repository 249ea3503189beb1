/**
 * Liveness and readiness of the {@code credrift} process. Readiness means "every started role can do its job": Kafka
 * answers and every credrift topic exists, the Kubernetes API answers (for the watcher and the reconciler), the roles
 * have started; 1Password Connect failing only degrades. Each dependency is checked in the background with a bound
 * and cached, so {@code /readyz} answers at once even when one hangs, and names the failing dependency and its URL.
 */
package dev.credrift.app.health;
