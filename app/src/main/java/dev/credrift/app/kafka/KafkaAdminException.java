package dev.credrift.app.kafka;

/**
 * Why a Kafka administration call failed, as one of the few cases an operator can act on. Messages name the
 * bootstrap servers and, where there is one, the topic and setting; they never carry client credentials.
 */
public abstract sealed class KafkaAdminException extends RuntimeException
        permits KafkaUnreachableException, IncompatibleTopicException, TopicRequestRejectedException {

    KafkaAdminException(String message, Throwable cause) {
        super(message, cause);
    }
}
