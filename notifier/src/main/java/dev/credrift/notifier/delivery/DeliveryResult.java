package dev.credrift.notifier.delivery;

/** How a message to a sink ended, after every attempt it got. */
public sealed interface DeliveryResult {

    /** How many attempts were made, from 1. */
    int attempts();

    /** The sink accepted the message with a 2xx status. */
    record Delivered(int attempts, int status) implements DeliveryResult {}

    /** The sink did not accept it: the last attempt's error (not retryable, or attempts used up). */
    record Failed(int attempts, DeliveryError error) implements DeliveryResult {}
}
