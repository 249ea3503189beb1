/**
 * Stand-ins for the world credrift runs in, shared by every module's tests and by
 * {@code credrift sandbox}: today an embedded Kafka broker and the JUnit extension that hands one to tests.
 */
package dev.credrift.sandbox;
