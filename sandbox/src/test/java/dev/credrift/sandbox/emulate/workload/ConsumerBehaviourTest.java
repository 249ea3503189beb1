package dev.credrift.sandbox.emulate.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsumerBehaviourTest {

    @Test
    void shouldReadEnvCredentialsAndStayRunningByDefault() {
        ConsumerBehaviour behaviour = ConsumerBehaviour.from(Map.of(ConsumerBehaviour.PROBE_BUCKET, "loki-chunks"));

        assertThat(behaviour.probeBucket()).contains("loki-chunks");
        assertThat(behaviour.onAuthFailure()).isEqualTo(ConsumerBehaviour.OnAuthFailure.NOT_READY);
        assertThat(behaviour.accessKeyIdFrom()).isEqualTo("env:AWS_ACCESS_KEY_ID");
        assertThat(behaviour.secretFrom()).isEqualTo("env:AWS_SECRET_ACCESS_KEY");
    }

    @Test
    void shouldCrashLoopAndReadFilesWhenAnnotatedLikeTempo() {
        ConsumerBehaviour behaviour = ConsumerBehaviour.from(Map.of(
                ConsumerBehaviour.ON_AUTH_FAILURE, "CrashLoop",
                ConsumerBehaviour.ACCESS_KEY_ID, "file:/etc/tempo/s3/access_key",
                ConsumerBehaviour.SECRET_ACCESS_KEY, "file:/etc/tempo/s3/secret_key"));

        assertThat(behaviour.onAuthFailure()).isEqualTo(ConsumerBehaviour.OnAuthFailure.CRASH_LOOP);
        assertThat(behaviour.accessKeyIdFrom()).isEqualTo("file:/etc/tempo/s3/access_key");
    }

    @Test
    void shouldNameTheAnnotationWhenAValueIsNotUnderstood() {
        assertThatThrownBy(() -> ConsumerBehaviour.from(Map.of(ConsumerBehaviour.ON_AUTH_FAILURE, "Explode")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("annotation sandbox.credrift.dev/on-auth-failure must be NotReady or CrashLoop, "
                        + "got 'Explode'");
        assertThatThrownBy(() -> ConsumerBehaviour.from(Map.of(ConsumerBehaviour.ACCESS_KEY_ID, "AWS_KEY")))
                .hasMessageContaining("must be env:NAME or file:/path");
    }

    @Test
    void shouldDoubleTheBackOffUpToItsCapWhenRestartsRepeat() {
        WorkloadSettings settings = WorkloadSettings.kubernetesDefaults();

        assertThat(settings.backOff(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.backOff(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(settings.backOff(5)).isEqualTo(Duration.ofSeconds(160));
        assertThat(settings.backOff(9)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void shouldRoundSurgeUpAndUnavailabilityDownWhenResolvingPercentages() {
        assertThat(DeploymentController.resolve(null, 1, true)).isEqualTo(1);
        assertThat(DeploymentController.resolve(null, 1, false)).isZero();
        assertThat(DeploymentController.resolve(null, 10, true)).isEqualTo(3);
        assertThat(DeploymentController.resolve(null, 10, false)).isEqualTo(2);
        assertThat(DeploymentController.resolve(new io.fabric8.kubernetes.api.model.IntOrString(2), 10, false))
                .isEqualTo(2);
    }
}
