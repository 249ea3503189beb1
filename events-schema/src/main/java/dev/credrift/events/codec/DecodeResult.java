package dev.credrift.events.codec;

/** What {@link EventCodec#decode} made of a record: a {@link Decoded} event or a {@link DecodeFailure}. */
public sealed interface DecodeResult permits Decoded, DecodeFailure {}
