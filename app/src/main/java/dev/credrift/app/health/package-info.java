/**
 * Liveness and readiness of the {@code credrift} process. Readiness means "Kafka answers and every credrift topic
 * exists"; it is checked in the background with a bound and cached, so {@code /readyz} answers at once even when
 * Kafka hangs.
 */
package dev.credrift.app.health;
