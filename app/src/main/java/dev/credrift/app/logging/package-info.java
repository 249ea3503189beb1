/**
 * Choosing the log format (human text or JSON for clusters) before the first log line, for the Log4j 2 backend
 * configured in {@code log4j2.xml}.
 */
package dev.credrift.app.logging;
