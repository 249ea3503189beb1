/**
 * {@code credrift.yaml}: the configuration of {@code credrift run} and {@code credrift notify test}. Parsing turns
 * every mistake into an {@link dev.credrift.app.config.InvalidConfigException} naming file, line and field; secrets
 * appear only as references to files or environment variables and are read when the role that needs them starts.
 */
package dev.credrift.app.config;
