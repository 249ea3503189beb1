package dev.credrift.sandbox.world;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.events.credential.Credential;
import dev.credrift.sandbox.logs.LogCapture;
import dev.credrift.sandbox.world.spec.Expectation;
import dev.credrift.sandbox.world.spec.ExpectationSpec;
import dev.credrift.sandbox.world.spec.SourceLocation;
import dev.credrift.sandbox.world.spec.WorldSpec;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Story 1 without credrift: the world comes up healthy, RGW rotates loki's keys, and the incident reproduces —
 * the Rook Secret follows the store, 1Password and the replica keep the old keys, and Loki's pods go unready with
 * {@code InvalidAccessKeyId}. Meanwhile no credential of the world appears in any log line or in the report.
 */
class StoryOneWorldIT {

    private static final SourceLocation HERE = SourceLocation.inCode("StoryOneWorldIT");

    @Test
    void shouldReproduceTheLokiIncidentWithoutCredriftWhenRookRotatesTheKeys() {
        WorldSpec spec = BuiltInWorlds.load("story-1-loki-rook-1password");
        Set<String> plaintexts = new LinkedHashSet<>();
        WorldReport incident;
        List<ExpectationResult> storyResults;
        try (LogCapture logs = LogCapture.everyCredriftLine();
                World world = World.start(spec, WorldOptions.worldOnly())) {
            assertThat(world.settled())
                    .as("the world settles before the story starts")
                    .isTrue();
            List<ExpectationResult> healthy = ExpectedState.of(List.of(
                            expect(new Expectation.WorkloadReady("monitoring", "StatefulSet", "loki")),
                            expect(new Expectation.ExternalSecretReady(
                                    "monitoring", "loki-s3-credentials", "True", Optional.of("SecretSynced"))),
                            expect(allHopsMatch())))
                    .check(world, new ExpectedState.Listener() {});
            assertThat(healthy)
                    .allSatisfy(r -> assertThat(r.met()).as(r.detail()).isTrue());
            collectPlaintexts(world, plaintexts);

            incident = new WorldRunner()
                    .run(
                            world,
                            ExpectedState.of(List.of(
                                    expect(new Expectation.PodsNotReady(
                                            "monitoring", "StatefulSet", "loki", Optional.of("InvalidAccessKeyId"))),
                                    expect(new Expectation.CredentialsMatchStore(
                                            "loki", List.of(rookSecret()), List.of(), List.of())),
                                    expect(new Expectation.ExternalSecretReady(
                                            "monitoring", "loki-s3-credentials", "True", Optional.empty())),
                                    expect(new Expectation.RolloutsAtMost("monitoring", "StatefulSet", "loki", 0)))),
                            WorldRunner.Listener.NONE);
            collectPlaintexts(world, plaintexts);

            storyResults = ExpectedState.of(spec.expectations().stream()
                            .map(e -> new ExpectationSpec(e.expectation(), Duration.ofSeconds(2), e.location()))
                            .toList())
                    .check(world, new ExpectedState.Listener() {});
            collectPlaintexts(world, plaintexts);

            String everything =
                    String.join("\n", logs.lines()) + "\n" + incident.summary() + "\n" + incident + "\n" + storyResults;
            assertThat(plaintexts).hasSizeGreaterThanOrEqualTo(5);
            for (String plaintext : plaintexts) {
                assertThat(everything)
                        .as("a credential of the world leaked into a log line or the report")
                        .doesNotContain(plaintext);
            }
            assertThat(logs.lines()).anyMatch(line -> line.contains("rotated the keys of object store user"));
        }

        assertThat(incident.actions()).singleElement().satisfies(a -> {
            assertThat(a.applied()).isTrue();
            assertThat(a.outcome()).startsWith("new key ").contains("fingerprint");
        });
        assertThat(incident.expectations())
                .allSatisfy(r -> assertThat(r.met()).as(r.detail()).isTrue());
        assertThat(incident.passed()).isTrue();
        assertThat(incident.summary()).contains("rotate the keys of Rook object store user storage/loki", "PASSED");

        assertThat(storyResults)
                .filteredOn(r -> !r.met())
                .extracting(r -> r.spec().expectation().getClass().getSimpleName())
                .contains("BindingCondition", "CredentialsMatchStore", "WorkloadReady", "DriftClassSeen");
        assertThat(storyResults)
                .filteredOn(r -> r.spec().expectation() instanceof Expectation.CredentialsMatchStore)
                .singleElement()
                .satisfies(r -> assertThat(r.detail())
                        .contains("Secret monitoring/loki-s3-credentials holds")
                        .contains("1Password Infrastructure/loki-s3-config holds")
                        .doesNotContain("Secret storage/rook-ceph-object-user-storage-loki holds"));
        assertThat(storyResults)
                .filteredOn(r -> r.spec().expectation() instanceof Expectation.RolloutsAtMost)
                .singleElement()
                .satisfies(r -> assertThat(r.met()).isTrue());
    }

    private static void collectPlaintexts(World world, Set<String> plaintexts) {
        for (Credential key : world.store().keys("loki")) {
            plaintexts.add(key.accessKeyId());
            plaintexts.add(key.secret().reveal());
        }
        plaintexts.add(world.onePasswordToken().reveal());
        plaintexts.add(world.onePassword()
                .readField("Infrastructure", "loki-s3-config", "access_key")
                .reveal());
        plaintexts.add(world.onePassword()
                .readField("Infrastructure", "loki-s3-config", "secret_key")
                .reveal());
    }

    private static Expectation.CredentialsMatchStore allHopsMatch() {
        return new Expectation.CredentialsMatchStore(
                "loki",
                List.of(
                        rookSecret(),
                        new Expectation.SecretHop(
                                "monitoring", "loki-s3-credentials", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY")),
                List.of(new Expectation.VaultHop("Infrastructure", "loki-s3-config", "access_key", "secret_key")),
                List.of(new Expectation.WorkloadHop("monitoring", "StatefulSet", "loki")));
    }

    private static Expectation.SecretHop rookSecret() {
        return new Expectation.SecretHop("storage", "rook-ceph-object-user-storage-loki", "AccessKey", "SecretKey");
    }

    private static ExpectationSpec expect(Expectation expectation) {
        return new ExpectationSpec(expectation, Duration.ofSeconds(30), HERE);
    }
}
