package dev.credrift.sandbox.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.credrift.sandbox.emulate.probe.ProbeResult;
import dev.credrift.sandbox.emulate.workload.PodHealth;
import dev.credrift.sandbox.world.spec.Action;
import dev.credrift.sandbox.world.spec.Expectation;
import dev.credrift.sandbox.world.spec.ExpectationSpec;
import dev.credrift.sandbox.world.spec.SourceLocation;
import dev.credrift.sandbox.world.spec.TimelineStep;
import dev.credrift.sandbox.world.spec.WorldSpec;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Story 3 without credrift: consumers verify the store with the CA from the ConfigMap and the server name. */
class StoryThreeWorldIT {

    private static final SourceLocation HERE = SourceLocation.inCode("StoryThreeWorldIT");

    @Test
    void shouldServeHttpsTrustedThroughThePublishedCaAndGoUntrustedWhenTheCertificateExpires() {
        WorldSpec healthy = BuiltInWorlds.load("story-3-tls-private-ca");
        WorldSpec spec = new WorldSpec(
                healthy.name(),
                healthy.description(),
                healthy.source(),
                healthy.store(),
                healthy.vaults(),
                healthy.readAfterWriteLag(),
                healthy.objects(),
                List.of(new TimelineStep(Duration.ZERO, Optional.empty(), new Action.ExpireCertificate(), HERE)),
                List.of(expect(new Expectation.PodsNotReady("monitoring", "StatefulSet", "loki", Optional.empty()))),
                healthy.settings());
        try (World world = World.start(spec, WorldOptions.worldOnly())) {
            assertThat(world.storeEndpoint().getScheme()).isEqualTo("https");
            ConfigMap ca = world.kubernetesClient()
                    .configMaps()
                    .inNamespace("monitoring")
                    .withName("storage-ca")
                    .get();
            assertThat(ca.getData())
                    .containsEntry("ca.crt", world.ca().orElseThrow().caCertificatePem());
            assertThat(ExpectedState.of(
                                    List.of(expect(new Expectation.WorkloadReady("monitoring", "StatefulSet", "loki"))))
                            .check(world, new ExpectedState.Listener() {}))
                    .allSatisfy(r -> assertThat(r.met()).as(r.detail()).isTrue());

            WorldReport report = new WorldRunner().run(world, WorldRunner.Listener.NONE);

            assertThat(report.passed()).as(report.summary()).isTrue();
            // the expiry restarts the store on its port: a probe in that instant sees it unreachable, the next one
            // EXPIRED
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(world.workloads().pods())
                            .filteredOn(p -> p.name().equals("loki-0"))
                            .singleElement()
                            .satisfies(pod -> assertThat(tlsReason(pod)).isEqualTo(ProbeResult.TlsReason.EXPIRED)));
        }
    }

    @Test
    void shouldLeaveConsumersUnreadyWithAnUnknownCaWhenTheStoreIsSignedByAnotherCa() {
        WorldSpec wrong = BuiltInWorlds.load("story-3-tls-wrong-ca");
        try (World world = World.start(
                wrong.withExpectations(List.of(
                        expect(new Expectation.PodsNotReady("monitoring", "StatefulSet", "loki", Optional.empty())))),
                WorldOptions.worldOnly())) {

            List<ExpectationResult> results =
                    ExpectedState.of(world.spec()).check(world, new ExpectedState.Listener() {});

            assertThat(results)
                    .allSatisfy(r -> assertThat(r.met()).as(r.detail()).isTrue());
            assertThat(world.workloads().pods())
                    .filteredOn(p -> p.name().equals("loki-0"))
                    .singleElement()
                    .satisfies(pod -> assertThat(tlsReason(pod)).isEqualTo(ProbeResult.TlsReason.UNKNOWN_CA));
            assertThat(world.store().certificate().orElseThrow().issuerCertificate())
                    .isNotEqualTo(world.ca().orElseThrow().caCertificate());
        }
    }

    private static ProbeResult.TlsReason tlsReason(PodHealth pod) {
        return pod.lastProbe()
                .filter(p -> p instanceof ProbeResult.TlsFailure)
                .map(p -> ((ProbeResult.TlsFailure) p).reason())
                .orElse(null);
    }

    private static ExpectationSpec expect(Expectation expectation) {
        return new ExpectationSpec(expectation, Duration.ofSeconds(30), HERE);
    }
}
