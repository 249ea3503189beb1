package dev.credrift.sandbox.world;

import dev.credrift.sandbox.kafka.KafkaBroker;
import dev.credrift.sandbox.kube.ApiLatency;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * What to start besides the world itself.
 *
 * @param startKafka       start an embedded Kafka broker (ignored when {@code kafka} is given)
 * @param kafka            a broker to use instead of starting one
 * @param startWebhookSink start a webhook sink for notifications
 * @param fingerprintKey   the key fingerprints in reports are made with; share it with credrift so both agree
 * @param kubeLatency      how slowly the Kubernetes stand-in answers, from before the world's objects are applied
 */
public record WorldOptions(
        boolean startKafka,
        Optional<KafkaBroker> kafka,
        boolean startWebhookSink,
        byte[] fingerprintKey,
        ApiLatency kubeLatency) {

    /** Copies the key. */
    public WorldOptions {
        Objects.requireNonNull(kafka, "kafka");
        Objects.requireNonNull(kubeLatency, "kubeLatency");
        if (fingerprintKey == null || fingerprintKey.length < 16) {
            throw new IllegalArgumentException("fingerprint key must be at least 16 bytes");
        }
        fingerprintKey = fingerprintKey.clone();
    }

    /** What {@code credrift sandbox} needs: a Kafka broker and a webhook sink, a random fingerprint key. */
    public static WorldOptions defaults() {
        return new WorldOptions(true, Optional.empty(), true, randomKey(), ApiLatency.NONE);
    }

    /** Just the world: no Kafka broker, no webhook sink (tests of the world itself). */
    public static WorldOptions worldOnly() {
        return new WorldOptions(false, Optional.empty(), false, randomKey(), ApiLatency.NONE);
    }

    /** Uses {@code broker} instead of starting one. */
    public WorldOptions withKafka(KafkaBroker broker) {
        return new WorldOptions(false, Optional.of(broker), startWebhookSink, fingerprintKey, kubeLatency);
    }

    /** Makes fingerprints with {@code key}. */
    public WorldOptions withFingerprintKey(byte[] key) {
        return new WorldOptions(startKafka, kafka, startWebhookSink, key, kubeLatency);
    }

    /** An artificially slow Kubernetes API ({@link ApiLatency}) for the whole life of the world. */
    public WorldOptions withKubeLatency(ApiLatency latency) {
        return new WorldOptions(startKafka, kafka, startWebhookSink, fingerprintKey, latency);
    }

    /** A copy of the fingerprint key. */
    @Override
    public byte[] fingerprintKey() {
        return fingerprintKey.clone();
    }

    /** Never the key. */
    @Override
    public String toString() {
        return "WorldOptions[startKafka=" + startKafka + ", kafka=" + kafka.isPresent() + ", startWebhookSink="
                + startWebhookSink + ", kubeLatency=" + kubeLatency + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WorldOptions other
                && startKafka == other.startKafka
                && kafka.equals(other.kafka)
                && startWebhookSink == other.startWebhookSink
                && kubeLatency.equals(other.kubeLatency)
                && Arrays.equals(fingerprintKey, other.fingerprintKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(startKafka, kafka, startWebhookSink, kubeLatency);
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
