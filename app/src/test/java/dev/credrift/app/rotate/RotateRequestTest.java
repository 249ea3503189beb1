package dev.credrift.app.rotate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RotateRequestTest {

    @Test
    void shouldGoWhenTheBindingDeclaresRotationWhateverItsSource() {
        assertThat(RotateRequest.decide(
                        "monitoring/loki-s3",
                        Map.of("rotation", Map.of("every", "720h"), "source", Map.of("rookObjectUser", Map.of()))))
                .isInstanceOf(RotateRequest.Go.class);
    }

    @Test
    void shouldGoWhenTheSourceIsMinioWithoutRotation() {
        assertThat(RotateRequest.decide("monitoring/tempo-s3", Map.of("source", Map.of("minio", Map.of()))))
                .isInstanceOf(RotateRequest.Go.class);
    }

    @Test
    void shouldSayWhyNamingTheBindingWhenNothingCanBeRotated() {
        assertThat(RotateRequest.decide("monitoring/tempo", Map.of("source", Map.of("webIdentity", Map.of()))))
                .isEqualTo(new RotateRequest.Refused("CredentialBinding monitoring/tempo has no spec.rotation and its"
                        + " source is role-based (webIdentity): there is no static key to rotate; add spec.rotation to"
                        + " the binding (README: Managed rotation)"));
        assertThat(RotateRequest.decide("monitoring/app", Map.of("source", Map.of("secret", Map.of()))))
                .isInstanceOfSatisfying(
                        RotateRequest.Refused.class,
                        r -> assertThat(r.reason())
                                .contains("monitoring/app")
                                .contains("a plain Secret")
                                .contains("spec.rotation.rgwUser"));
        assertThat(RotateRequest.decide("monitoring/empty", null))
                .isEqualTo(new RotateRequest.Refused("CredentialBinding monitoring/empty has no spec"));
    }
}
