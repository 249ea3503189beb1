/**
 * {@code credrift run}: its options, the start-up sequence (Kafka → Vert.x → HTTP → topics → readiness) and the
 * bounded shutdown that undoes it in a fixed order.
 */
package dev.credrift.app.run;
