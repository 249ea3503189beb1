/**
 * CloudEvents 1.0 in Kafka binary mode without Kafka: {@link dev.credrift.events.codec.EventCodec}
 * turns a {@link dev.credrift.events.CredriftEvent} into a neutral {@link
 * dev.credrift.events.codec.KafkaRecord} ({@code ce_*} headers, JSON value, binding id as key) and back;
 * decoding never throws, it returns a {@link dev.credrift.events.codec.DecodeResult}.
 */
package dev.credrift.events.codec;
