/**
 * A YAML document as a small tree whose every node knows its line, so configuration errors can say
 * {@code credrift.yaml:12: notifier.sinks[0].url: ...}. Parsing goes through Jackson's YAML streaming parser; nothing
 * here knows what credrift's configuration means.
 */
package dev.credrift.app.config.yaml;
