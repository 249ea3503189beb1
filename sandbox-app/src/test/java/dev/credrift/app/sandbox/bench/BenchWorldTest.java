package dev.credrift.app.sandbox.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.credrift.sandbox.world.spec.Action;
import dev.credrift.sandbox.world.spec.WorldSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BenchWorldTest {

    @Test
    void shouldWriteAWorldFileTheSandboxReadsWithFourObjectsPerBindingWhenGenerating() {
        WorldSpec spec = BenchWorld.spec(3, 0);

        Map<String, Long> kinds = spec.objects().stream()
                .collect(Collectors.groupingBy(o -> o.manifest().path("kind").asText(), Collectors.counting()));
        assertThat(kinds)
                .containsEntry("CephObjectStoreUser", 3L)
                .containsEntry("ExternalSecret", 3L)
                .containsEntry("Deployment", 3L)
                .containsEntry("CredentialBinding", 3L)
                .containsEntry("SecretStore", 1L)
                .doesNotContainKey("Pod");
        assertThat(spec.store().users()).hasSize(3);
        assertThat(spec.vaults().get(0).items()).hasSize(3);
        assertThat(spec.reconciler().globalRolloutsPerHour()).contains(BenchWorld.ROLLOUTS_PER_HOUR);
        assertThat(spec.name()).isEqualTo("scale-3");
    }

    @Test
    void shouldRotateEveryUserAtOnceInBindingOrderWhenGenerating() {
        WorldSpec spec = BenchWorld.spec(5, 0);

        assertThat(spec.timeline()).hasSize(5).allMatch(step -> step.at().equals(Duration.ofSeconds(1)));
        List<String> users = spec.timeline().stream()
                .map(step -> ((Action.RotateRookUser) step.action()).user())
                .toList();
        assertThat(users).containsExactly("app-0", "app-1", "app-2", "app-3", "app-4");
        assertThat(BenchWorld.bindingId(4)).isEqualTo("bench/app-4-s3");
    }

    @Test
    void shouldPutUnrelatedPodsInTheBindingsNamespaceWhenAsked() {
        WorldSpec spec = BenchWorld.spec(2, 7);

        assertThat(spec.objects().stream()
                        .filter(o -> o.manifest().path("kind").asText().equals("Pod")))
                .hasSize(7)
                .allMatch(o ->
                        o.manifest().path("metadata").path("namespace").asText().equals(BenchWorld.NAMESPACE));
        assertThat(spec.name()).isEqualTo("scale-2-beside-7-pods");
    }

    @Test
    void shouldRefuseAWorldWithoutBindingsWhenAskedForNone() {
        assertThatThrownBy(() -> BenchWorld.yaml(0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one binding");
    }

    @Test
    void shouldReadTheSweepAndThePodPairFromTheOptionsWhenGiven() {
        assertThat(ScaleBenchmark.scenarios("10, 100", "0,1500", 20))
                .containsExactly(
                        new ScaleBenchmark.Scenario(20, 0), new ScaleBenchmark.Scenario(20, 1500),
                        new ScaleBenchmark.Scenario(10, 0), new ScaleBenchmark.Scenario(100, 0));
        assertThat(ScaleBenchmark.scenarios("3", "none", 20)).containsExactly(new ScaleBenchmark.Scenario(3, 0));
    }
}
