package dev.credrift.app.kafka;

/** No Kafka given to the production artifact; the message says where to give it. */
public final class KafkaNotConfiguredException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    KafkaNotConfiguredException() {
        super("no Kafka configured: pass --kafka HOST:PORT[,HOST:PORT...], set CREDRIFT_KAFKA_BOOTSTRAP or"
                + " kafka.bootstrapServers in the config file (this production build carries no Kafka broker; the local"
                + " launcher ./credrift starts an embedded one)");
    }
}
