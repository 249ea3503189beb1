package dev.credrift.app.kafka;

/**
 * The broker answered but refused a request, e.g. a replication factor above the number of brokers, a policy
 * violation or missing ACLs. Retrying will not help; the operator must change the request or the cluster.
 */
public final class TopicRequestRejectedException extends KafkaAdminException {

    public TopicRequestRejectedException(BootstrapServers bootstrapServers, String operation, Throwable cause) {
        super(
                "Kafka at " + bootstrapServers + " refused to " + operation + ": "
                        + cause.getClass().getSimpleName() + ": " + cause.getMessage(),
                cause);
    }
}
