package dev.credrift.sandbox.world.file;

import static dev.credrift.sandbox.world.file.WorldFileReaderTest.HEAD;
import static dev.credrift.sandbox.world.file.WorldFileReaderTest.parseFails;
import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.sandbox.world.BuiltInWorlds;
import dev.credrift.sandbox.world.spec.Action;
import dev.credrift.sandbox.world.spec.Expectation;
import dev.credrift.sandbox.world.spec.WorldSpec;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Story 6's world-file parts: MinIO service accounts at start, and the rotation expectations. */
class RotationExpectationsTest {

    @Test
    void shouldReadStorySixIntoASeededServiceAccountAnAnnotationAndTheRotationExpectations() {
        WorldSpec spec = BuiltInWorlds.load("story-6-scheduled-rotation");

        assertThat(spec.store().minio().orElseThrow().serviceAccounts())
                .singleElement()
                .satisfies(account -> assertThat(account.accessKeyId()).isEqualTo("TEMPOSA6OLDKEY000001"));
        assertThat(spec.timeline())
                .singleElement()
                .satisfies(step -> assertThat(step.action())
                        .isInstanceOfSatisfying(
                                Action.Annotate.class,
                                a -> assertThat(a.annotations()).containsEntry("credrift.dev/rotate-now", "story-6")));
        List<Expectation> expectations =
                spec.expectations().stream().map(e -> e.expectation()).toList();
        assertThat(expectations)
                .contains(
                        new Expectation.BindingRotation("monitoring", "tempo-s3", "Completed"),
                        new Expectation.StoreKeyRevoked("TEMPOSA6OLDKEY000001"),
                        new Expectation.StoreRefusedRequests(Optional.empty(), true, 0));
        assertThat(expectations)
                .filteredOn(Expectation.CredentialsMatchStore.class::isInstance)
                .singleElement()
                .satisfies(e -> assertThat(((Expectation.CredentialsMatchStore) e).user())
                        .isNull());
        // the seeded secret is never shown by the spec's text
        assertThat(spec.store().minio().orElseThrow().toString()).doesNotContain("tempo-old-secret");
    }

    @Test
    void shouldRefuseAnUnknownRotationPhaseNamingTheFieldAndLine() {
        WorldFileException e = parseFails(HEAD + """
                expect:
                  all:
                    - bindingRotation: {binding: monitoring/tempo-s3, phase: Done}
                """);

        assertThat(e.field()).isEqualTo("expect.all[0].bindingRotation.phase");
        assertThat(e.location().line()).isEqualTo(10);
        assertThat(e.problem()).startsWith("must be one of [Minting, ProbingNew");
    }

    @Test
    void shouldRefuseRefusalCountsByWhomItDoesNotKnowOrBelowZero() {
        WorldFileException by = parseFails(HEAD + """
                expect:
                  all:
                    - storeRefusedRequests: {user: loki, by: pods, max: 0}
                """);
        WorldFileException max = parseFails(HEAD + """
                expect:
                  all:
                    - storeRefusedRequests: {max: -1}
                """);
        WorldFileException user = parseFails(HEAD + """
                expect:
                  all:
                    - storeRefusedRequests: {user: tempo, max: 0}
                """);

        assertThat(by.getMessage()).startsWith("bad.yaml:10:").contains("storeRefusedRequests.by: must be consumers");
        assertThat(max.field()).isEqualTo("expect.all[0].storeRefusedRequests.max");
        assertThat(user.problem()).isEqualTo("store.users does not declare this user");
    }

    @Test
    void shouldRequireTheUserOfCredentialsMatchStoreWithoutMinio() {
        WorldFileException e = parseFails(HEAD + """
                expect:
                  all:
                    - credentialsMatchStore:
                        secrets: [{namespace: m, name: s, accessKeyIdKey: a, secretAccessKeyKey: b}]
                """);

        assertThat(e.field()).isEqualTo("expect.all[0].credentialsMatchStore.user");
    }

    @Test
    void shouldRefuseAServiceAccountSecretMinioWouldRefuseWithoutEchoingIt() {
        WorldFileException e = parseFails(HEAD + """
                  minio:
                    rootUser: minio-root
                    serviceAccounts: [{accessKeyId: TEMPOSA6, secretAccessKey: short}]
                """);

        assertThat(e.field()).isEqualTo("store.minio.serviceAccounts[0].secretAccessKey");
        assertThat(e.getMessage()).doesNotContain("short");
    }
}
