/**
 * The event payloads: one record per CloudEvent type, all under the sealed {@link
 * dev.credrift.events.payload.EventPayload}, catalogued by {@link dev.credrift.events.payload.EventType}.
 * Each record validates itself in its compact constructor with the same rules as its JSON Schema
 * ({@code schemas/<type>.json}), so a decoded payload is always a valid one.
 */
package dev.credrift.events.payload;
