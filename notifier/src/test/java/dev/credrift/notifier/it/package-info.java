/**
 * Integration tests of the notifier against the sandbox's webhook sink and a real Kafka broker, and
 * their support: Kafka I/O, a broker that can be restarted on its ports, captured log lines.
 */
package dev.credrift.notifier.it;
