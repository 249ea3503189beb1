package dev.credrift.reconciler.it;

import static dev.credrift.reconciler.it.ItWorld.LOKI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.credrift.api.CredentialBinding;
import dev.credrift.events.BindingId;
import dev.credrift.events.Topic;
import dev.credrift.events.codec.KafkaRecord;
import dev.credrift.events.credential.Credential;
import dev.credrift.events.payload.DriftClass;
import dev.credrift.events.payload.DriftDetected;
import dev.credrift.events.payload.RemediationHalted;
import dev.credrift.events.payload.RemediationSucceeded;
import dev.credrift.reconciler.Reconciler;
import dev.credrift.sandbox.logs.LogCapture;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.micrometer.core.instrument.Meter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Invariant 1: after a full remediation, a rejected authority, a halt and a dead letter, no planted credential — not
 * a secret, not a full access key id, not their base64 — appears in any record on any topic, any log line or stack
 * trace, the binding's status, a Kubernetes Event or a metric.
 */
class SecretLeakIT extends OnItWorld {

    @Test
    void shouldNeverShowAPlantedSecretWhenRemediatingRejectingAndHalting() {
        List<String> logs;
        try (LogCapture capture = LogCapture.everyCredriftLine()) {
            world.story1(spec -> spec);
            // a second chain whose ExternalSecret is missing: undetermined, said in status and Events
            world.binding("orphan", spec -> spec.externalSecret("other-es"));
            Reconciler reconciler = world.deploy();

            Credential rotated = world.rotate(ItWorld.USER);
            world.rookSecret(rotated);
            world.nudge(LOKI);
            world.sendGarbage(LOKI.toString());
            await().atMost(60, TimeUnit.SECONDS)
                    .until(() -> !world.outcomes(RemediationSucceeded.class).isEmpty());

            // a binding whose consumers never become ready: the readiness gate halts it
            world.workloads.neverReady(ItWorld.set("loki"));
            world.plant(world.rotate(ItWorld.USER));
            world.rookSecret(world.planted.get(world.planted.size() - 1));
            world.nudge(LOKI);
            world.nudge(BindingId.of(ItWorld.NS, "orphan"));
            await().atMost(90, TimeUnit.SECONDS)
                    .until(() -> !world.outcomes(RemediationHalted.class).isEmpty());

            // and a source the store refuses: rejected, alerted, never propagated
            world.rookSecret(world.plant(Credential.of("AKIAUNKNOWNKEY000010", "a-secret-rgw-never-issued-0010")));
            world.nudge(LOKI);
            await().atMost(30, TimeUnit.SECONDS)
                    .until(() -> world.outcomes(DriftDetected.class).stream()
                            .anyMatch(d -> d.driftClass() == DriftClass.AUTHORITY_REJECTED));
            world.awaitIdle(reconciler);
            logs = capture.linesExcept(ItWorld.WORLD_SIDE);
        }

        Set<String> planted = ItWorld.forms(world.planted);
        assertThat(planted).hasSizeGreaterThanOrEqualTo(8);
        List<String> places = new ArrayList<>();
        for (Topic topic : Topic.values()) {
            for (KafkaRecord record : world.raw(topic)) {
                places.add(topic + " key " + record.key());
                record.headers()
                        .forEach((k, v) -> places.add(topic + " header " + k + "="
                                + (v == null ? "" : new String(v, StandardCharsets.UTF_8))));
                places.add(topic + " value "
                        + (record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8)));
            }
        }
        assertThat(places)
                .anySatisfy(p -> assertThat(p).startsWith("OUTCOMES"))
                .anySatisfy(p -> assertThat(p).startsWith("AUDIT"))
                .anySatisfy(p -> assertThat(p).startsWith("STATE"))
                .anySatisfy(p -> assertThat(p).startsWith("DEADLETTER"));
        for (String name : List.of(ItWorld.BINDING, "orphan")) {
            GenericKubernetesResource binding = world.client
                    .genericKubernetesResources(CredentialBinding.API_VERSION, CredentialBinding.KIND)
                    .inNamespace(ItWorld.NS)
                    .withName(name)
                    .get();
            places.add("status "
                    + world.client
                            .getKubernetesSerialization()
                            .asJson(binding.getAdditionalProperties().get("status")));
        }
        world.kubeEvents().forEach(e -> places.add("event " + e.getReason() + " " + e.getNote()));
        for (Meter meter : world.registry.getMeters()) {
            places.add("metric " + meter.getId());
        }
        places.addAll(logs.stream().map(l -> "log " + l).toList());

        assertThat(logs).isNotEmpty();
        assertThat(places)
                .anySatisfy(p -> assertThat(p).startsWith("event"))
                .anySatisfy(p -> assertThat(p).startsWith("metric"));
        for (String place : places) {
            for (String secret : planted) {
                assertThat(place)
                        .as("a planted credential in: %s", abbreviate(place))
                        .doesNotContain(secret);
            }
        }
    }

    private static String abbreviate(String place) {
        return place.length() <= 300 ? place : place.substring(0, 300) + "…";
    }
}
