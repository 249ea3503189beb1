/**
 * The three roles {@code credrift run} can host — watcher, reconciler, notifier — and how each is started from the
 * configuration. The roles never meet here except through Kafka; this package only builds each one's settings,
 * starts it on the shared Vert.x and stops it on the way out.
 */
package dev.credrift.app.roles;
