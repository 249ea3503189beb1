package dev.credrift.reconciler.it;

import static dev.credrift.reconciler.it.ItWorld.LOKI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.credrift.api.spec.StoreTls;
import dev.credrift.api.status.Condition;
import dev.credrift.api.status.ConditionType;
import dev.credrift.events.credential.Credential;
import dev.credrift.events.payload.DriftClass;
import dev.credrift.events.payload.DriftDetected;
import dev.credrift.events.payload.StoreVerdict;
import dev.credrift.reconciler.Reconciler;
import dev.credrift.sandbox.kafka.KafkaBroker;
import dev.credrift.sandbox.kafka.KafkaBrokerExtension;
import dev.credrift.sandbox.onepassword.RecordedRequest;
import dev.credrift.sandbox.tls.ServerCertificate;
import dev.credrift.sandbox.tls.TestPki;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Story 3: the store speaks HTTPS with a certificate from a private CA held in ConfigMap {@code storage-ca}. A
 * certificate that does not verify is ENDPOINT_UNTRUSTED, with the reason, and nothing is propagated.
 */
@ExtendWith(KafkaBrokerExtension.class)
class EndpointTrustIT {

    private static final TestPki STORAGE_CA = TestPki.newCa("storage-ca");
    private static final TestPki OTHER_CA = TestPki.newCa("someone-elses-ca");

    private ItWorld world;

    @AfterEach
    void stopWorld() throws Exception {
        if (world != null) {
            world.close();
        }
    }

    static Stream<Arguments> untrusted() {
        return Stream.of(
                Arguments.of(
                        "UNKNOWN_CA",
                        (Supplier<ServerCertificate>) () -> STORAGE_CA.serverCertificate("127.0.0.1"),
                        OTHER_CA,
                        "someone-elses-ca"),
                Arguments.of(
                        "EXPIRED",
                        (Supplier<ServerCertificate>) () -> STORAGE_CA.expiredServerCertificate("127.0.0.1"),
                        STORAGE_CA,
                        "expired at"),
                Arguments.of(
                        "HOSTNAME_MISMATCH",
                        (Supplier<ServerCertificate>) () -> STORAGE_CA.serverCertificate("minio.minio.svc"),
                        STORAGE_CA,
                        "minio.minio.svc"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("untrusted")
    void shouldSayWhyAndPropagateNothingWhenTheEndpointIsUntrusted(
            String reason, Supplier<ServerCertificate> certificate, TestPki trusted, String detail, KafkaBroker kafka)
            throws Exception {
        world = ItWorld.startHttps(kafka, certificate.get());
        world.caConfigMap("storage-ca", trusted.caCertificatePem());
        world.story1(spec -> spec.tls(new StoreTls("storage-ca", null, null, false)));
        // the vault is stale too: a trusted endpoint would have it written
        world.vaultItem(world.plant(Credential.of("AKIASTALEVAULTKEY007", "a-stale-vault-secret-value-0007")));
        ApiRequests.drain(world.kube);
        Reconciler reconciler = world.deploy();

        world.nudge(LOKI);
        await().atMost(60, TimeUnit.SECONDS)
                .until(() -> world.status(LOKI)
                        .condition(ConditionType.IN_SYNC)
                        .filter(c -> "EndpointUntrusted".equals(c.reason()))
                        .isPresent());
        world.awaitIdle(reconciler);

        Condition inSync = world.status(LOKI).condition(ConditionType.IN_SYNC).orElseThrow();
        assertThat(inSync.message()).contains(reason).contains(detail);
        assertThat(world.outcomes(DriftDetected.class)).singleElement().satisfies(d -> {
            assertThat(d.driftClass()).isEqualTo(DriftClass.ENDPOINT_UNTRUSTED);
            assertThat(d.storeVerdict()).isEqualTo(StoreVerdict.TLS_FAILURE);
            assertThat(d.detail()).contains(reason);
        });
        assertThat(ApiRequests.writes(ApiRequests.drain(world.kube)))
                .allSatisfy(w -> assertThat(w)
                        .matches("(PATCH .*/credentialbindings/loki-s3/status.*|POST /apis/events\\.k8s\\.io/.*)"));
        assertThat(world.onePassword.requests().stream().filter(RecordedRequest::isWrite))
                .isEmpty();
        assertThat(world.totalRollouts()).isZero();
    }

    @Test
    void shouldTrustTheStoreWhenItsCaIsInTheConfigMap(KafkaBroker kafka) throws Exception {
        world = ItWorld.startHttps(kafka, STORAGE_CA.serverCertificate("minio.minio.svc"));
        world.caConfigMap("storage-ca", STORAGE_CA.caCertificatePem());
        world.story1(spec -> spec.tls(new StoreTls("storage-ca", null, "minio.minio.svc", false)));
        Reconciler reconciler = world.deploy();

        world.nudge(LOKI);
        await().atMost(60, TimeUnit.SECONDS)
                .until(() -> world.status(LOKI)
                        .condition(ConditionType.IN_SYNC)
                        .filter(Condition::isTrue)
                        .isPresent());
        world.awaitIdle(reconciler);

        assertThat(world.outcomes(DriftDetected.class)).isEmpty();
    }
}
