package dev.credrift.sandbox.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.credrift.sandbox.minio.MinioStandIn;
import dev.credrift.sandbox.world.spec.Expectation;
import dev.credrift.sandbox.world.spec.ExpectationSpec;
import dev.credrift.sandbox.world.spec.SourceLocation;
import dev.credrift.sandbox.world.spec.WorldSpec;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Story 6 without credrift: Tempo comes up on the seeded MinIO service account with no refused request, and the
 * rotation expectations tell a careless rotation from a good one — revoking the old key while Tempo still holds it
 * makes Tempo's next probe a counted 403.
 */
class StorySixWorldIT {

    private static final SourceLocation HERE = SourceLocation.inCode("StorySixWorldIT");
    private static final String OLD_KEY = "TEMPOSA6OLDKEY000001";

    @Test
    void shouldCountTempos403sWhenTheOldServiceAccountIsDeletedUnderIt() {
        WorldSpec story = BuiltInWorlds.load("story-6-scheduled-rotation");
        try (World world = World.start(story.withExpectations(List.of()), WorldOptions.worldOnly())) {
            MinioStandIn minio = world.minio().orElseThrow();
            Expectation tempoOnStore = story.expectations().stream()
                    .map(ExpectationSpec::expectation)
                    .filter(Expectation.CredentialsMatchStore.class::isInstance)
                    .findFirst()
                    .orElseThrow();
            Expectation noRefusal = new Expectation.StoreRefusedRequests(Optional.empty(), true, 0);
            Expectation revoked = new Expectation.StoreKeyRevoked(OLD_KEY);
            Expectation completed = new Expectation.BindingRotation("monitoring", "tempo-s3", "Completed");

            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(check(
                                    world,
                                    tempoOnStore,
                                    noRefusal,
                                    new Expectation.WorkloadReady("monitoring", "Deployment", "tempo")))
                            .allSatisfy(r -> assertThat(r.met()).as(r.detail()).isTrue()));
            assertThat(check(world, revoked, completed)).noneMatch(ExpectationResult::met);

            // what no rotation may do: revoke the key a consumer still holds (here behind MinIO's back)
            minio.store().removeKey(OLD_KEY);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> world.store().refusedRequests().byConsumers() > 0);
            world.kubernetesClient()
                    .genericKubernetesResources("credrift.dev/v1alpha1", "CredentialBinding")
                    .inNamespace("monitoring")
                    .withName("tempo-s3")
                    .editStatus(b -> status(b, Map.of("rotation", Map.of("phase", "Completed"))));

            List<ExpectationResult> after = check(world, revoked, completed, noRefusal);
            // the key is refused, but MinIO still lists the account: not the clean end a rotation must reach
            assertThat(after.get(0).met()).isFalse();
            assertThat(after.get(0).detail())
                    .endsWith("the store refuses it with InvalidAccessKeyId; MinIO still lists its service account");
            assertThat(after.get(1).met()).as(after.get(1).detail()).isTrue();
            assertThat(after.get(2).met()).isFalse();
            assertThat(after.get(2).detail()).contains("of consumers").doesNotContain("tempo-old-secret");
            assertThat(world.store().refusedRequests(OLD_KEY).byConsumers()).isPositive();
        }
    }

    private static GenericKubernetesResource status(GenericKubernetesResource binding, Map<String, Object> status) {
        binding.getAdditionalProperties().put("status", status);
        return binding;
    }

    private static List<ExpectationResult> check(World world, Expectation... expectations) {
        return ExpectedState.of(List.of(expectations).stream()
                        .map(e -> new ExpectationSpec(e, Duration.ofSeconds(2), HERE))
                        .toList())
                .check(world, new ExpectedState.Listener() {});
    }
}
