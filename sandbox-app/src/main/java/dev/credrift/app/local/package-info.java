/**
 * The local credrift that the {@code ./credrift} launcher runs: the production command tree plus {@code sandbox}, and
 * {@code run} falling back on an embedded Kafka broker when none is configured. Never shipped in the image.
 */
package dev.credrift.app.local;
