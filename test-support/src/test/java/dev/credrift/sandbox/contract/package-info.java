/**
 * Tests that the event contract of {@code events-schema} survives a real Kafka broker unchanged.
 */
package dev.credrift.sandbox.contract;
