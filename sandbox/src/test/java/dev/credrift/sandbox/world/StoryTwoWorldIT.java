package dev.credrift.sandbox.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.credrift.api.CredentialBinding;
import dev.credrift.events.credential.Credential;
import dev.credrift.sandbox.minio.MinioStandIn;
import dev.credrift.sandbox.world.spec.Expectation;
import dev.credrift.sandbox.world.spec.ExpectationSpec;
import dev.credrift.sandbox.world.spec.SourceLocation;
import dev.credrift.sandbox.world.spec.WorldSpec;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Story 2 without credrift: MinIO knows only its root user, so Tempo crash-loops on InvalidAccessKeyId; the root
 * credential is in the Secret the binding names; the manual fix (a service account with exactly Tempo's keys) is
 * enough for Tempo to come up on its next restart.
 */
class StoryTwoWorldIT {

    private static final SourceLocation HERE = SourceLocation.inCode("StoryTwoWorldIT");

    @Test
    void shouldRefuseTempoUntilTheServiceAccountExistsAndThenLetItUp() {
        WorldSpec story = BuiltInWorlds.load("story-2-tempo-minio");
        try (World world = World.start(
                story.withExpectations(List.of(expect(new Expectation.PodsNotReady(
                        "monitoring", "Deployment", "tempo", Optional.of("InvalidAccessKeyId"))))),
                WorldOptions.worldOnly())) {
            MinioStandIn minio = world.minio().orElseThrow();

            List<ExpectationResult> incident =
                    ExpectedState.of(world.spec()).check(world, new ExpectedState.Listener() {});

            assertThat(incident)
                    .allSatisfy(r -> assertThat(r.met()).as(r.detail()).isTrue());
            assertThat(minio.serviceAccounts()).isEmpty();
            Secret admin = world.kubernetesClient()
                    .secrets()
                    .inNamespace("storage")
                    .withName("minio-root")
                    .get();
            assertThat(decode(admin, "rootUser")).isEqualTo("minio-root");
            assertThat(decode(admin, "rootPassword")
                            .equals(minio.root().secret().reveal()))
                    .isTrue();
            CredentialBinding binding = world.kubernetesClient()
                    .resources(CredentialBinding.class)
                    .inNamespace("monitoring")
                    .withName("tempo-s3")
                    .get();
            assertThat(binding.getSpec().source().minio().endpoint())
                    .isEqualTo(minio.endpoint().toString());

            // mc admin user svcacct add … --access-key tempo --secret-key supersecret
            minio.addServiceAccount(Credential.of("tempo", "supersecret"));

            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(ExpectedState.of(List.of(
                                            expect(new Expectation.WorkloadReady("monitoring", "Deployment", "tempo"))))
                                    .check(world, new ExpectedState.Listener() {}))
                            .allSatisfy(r -> assertThat(r.met()).as(r.detail()).isTrue()));
        }
    }

    private static String decode(Secret secret, String key) {
        return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }

    private static ExpectationSpec expect(Expectation expectation) {
        return new ExpectationSpec(expectation, Duration.ofSeconds(30), HERE);
    }
}
