package dev.credrift.sandbox.world.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.credrift.sandbox.world.BuiltInWorlds;
import dev.credrift.sandbox.world.spec.Action;
import dev.credrift.sandbox.world.spec.Expectation;
import dev.credrift.sandbox.world.spec.TlsSpec;
import dev.credrift.sandbox.world.spec.WorldSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class WorldFileReaderTest {

    /** A world with a store user, for tests to append sections to. */
    static final String HEAD = """
            apiVersion: sandbox.credrift.dev/v1alpha1
            kind: World
            name: test-world
            store:
              buckets: [loki-chunks]
              users:
                - name: loki
            """;

    @ParameterizedTest
    @MethodSource("dev.credrift.sandbox.world.BuiltInWorlds#names")
    void shouldReadEveryBuiltInWorldWhenLoaded(String name) {
        WorldSpec spec = BuiltInWorlds.load(name);

        assertThat(spec.name()).isEqualTo(name);
        assertThat(spec.source()).isEqualTo("worlds/" + name + ".yaml");
        assertThat(spec.objects()).isNotEmpty();
        assertThat(spec.expectations()).isNotEmpty();
    }

    @Test
    void shouldReadStoryOneIntoItsPartsWhenParsed() {
        WorldSpec spec = BuiltInWorlds.load("story-1-loki-rook-1password");

        assertThat(spec.store().users()).singleElement().satisfies(u -> {
            assertThat(u.name()).isEqualTo("loki");
            assertThat(u.keys()).isEmpty();
        });
        assertThat(spec.vaults())
                .singleElement()
                .satisfies(v -> assertThat(v.items().get(0).fields()).containsOnlyKeys("access_key", "secret_key"));
        assertThat(spec.objects())
                .extracting(o -> o.describe())
                .contains(
                        "ceph.rook.io/v1 CephObjectStoreUser storage/loki",
                        "apps/v1 StatefulSet monitoring/loki",
                        "credrift.dev/v1alpha1 CredentialBinding monitoring/loki-s3");
        assertThat(spec.timeline()).singleElement().satisfies(step -> {
            assertThat(step.at()).isEqualTo(Duration.ofSeconds(3));
            assertThat(step.action()).isEqualTo(new Action.RotateRookUser("storage", "storage", "loki"));
            assertThat(step.location().line()).isPositive();
        });
        assertThat(spec.expectations())
                .extracting(e -> e.expectation().getClass().getSimpleName())
                .contains("DriftClassSeen", "BindingCondition", "CredentialsMatchStore", "RolloutsAtMost");
        assertThat(spec.expectations()).allSatisfy(e -> assertThat(e.within()).isEqualTo(Duration.ofSeconds(120)));
    }

    @Test
    void shouldReadTlsSettingsWhenTheStoreServesHttps() {
        WorldSpec spec = BuiltInWorlds.load("story-3-tls-wrong-ca");

        TlsSpec tls = spec.store().tls().orElseThrow();
        assertThat(tls.certificate()).isEqualTo(TlsSpec.CertificateState.UNTRUSTED);
        assertThat(tls.serverName()).contains("minio.minio.svc");
        assertThat(tls.publishCa()).containsExactly(new TlsSpec.CaConfigMap("monitoring", "storage-ca", "ca.crt"));
    }

    @Test
    void shouldSortStepsByTimeAndKeepGivenKeysRedactedWhenRead() {
        WorldSpec spec = WorldFileReader.parse("w.yaml", """
                apiVersion: sandbox.credrift.dev/v1alpha1
                kind: World
                name: tempo
                store:
                  users:
                    - {name: tempo, accessKeyId: tempo, secretAccessKey: supersecret}
                timeline:
                  - {at: 5s, suspendStoreUser: {user: tempo}}
                  - {at: 1s, rotateStoreUser: {user: tempo}}
                expect:
                  all:
                    - rolloutsAtMost: {namespace: tracing, kind: Deployment, name: querier, max: 0}
                      within: 5s
                """);

        assertThat(spec.timeline()).extracting(s -> s.at().toSeconds()).containsExactly(1L, 5L);
        assertThat(spec.store().users().get(0).keys()).isPresent();
        assertThat(spec.toString()).doesNotContain("supersecret");
        assertThat(spec.expectations().get(0).expectation())
                .isEqualTo(new Expectation.RolloutsAtMost("tracing", "Deployment", "querier", 0));
        assertThat(spec.expectations().get(0).within()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void shouldReadAFileFromDiskNamingItByItsPathWhenBroken(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, HEAD + "timeline:\n  - at: soon\n    deletePod: {namespace: m, name: p}\n");

        assertThatThrownBy(() -> WorldFileReader.read(file))
                .isInstanceOf(WorldFileException.class)
                .hasMessage(file + ":9:9: timeline[0].at: must be a duration such as 2s, 90s or 1m30s");
    }

    @Test
    void shouldNameLineAndFieldWhenARequiredFieldIsMissing() {
        WorldFileException e = parseFails(HEAD + """
                timeline:
                  - at: 2s
                    rotateRookUser: {namespace: storage, store: storage}
                """);

        assertThat(e.location().line()).isEqualTo(10);
        assertThat(e.field()).isEqualTo("timeline[0].rotateRookUser.user");
        assertThat(e.getMessage()).startsWith("bad.yaml:10:21: timeline[0].rotateRookUser.user: is required");
    }

    @Test
    void shouldNameTheUnknownFieldAndItsLineWhenMisspelled() {
        WorldFileException e = parseFails(HEAD + "timelin:\n  - at: 2s\n");

        assertThat(e.getMessage()).startsWith("bad.yaml:8:1: timelin: unknown field; expected one of");
    }

    @Test
    void shouldSayWhatTypeWasExpectedWhenAListIsText() {
        WorldFileException e = parseFails("""
                apiVersion: sandbox.credrift.dev/v1alpha1
                kind: World
                name: w
                store:
                  buckets: loki-chunks
                """);

        assertThat(e.getMessage()).isEqualTo("bad.yaml:5:12: store.buckets: must be a list, not text");
    }

    @Test
    void shouldRejectAPlaceholderForAnUndeclaredStoreUserAtItsLine() {
        WorldFileException e = parseFails(HEAD + """
                objects:
                  - apiVersion: v1
                    kind: Secret
                    metadata: {name: tempo, namespace: tracing}
                    stringData:
                      key: ${storeUser.tempo.accessKeyId}
                """);

        assertThat(e.location().line()).isEqualTo(13);
        assertThat(e.field()).isEqualTo("objects[0].stringData.key");
        assertThat(e.problem()).contains("store user 'tempo'");
    }

    @Test
    void shouldRejectAnUnknownPlaceholderNamingTheKnownOnes() {
        WorldFileException e = parseFails(HEAD + """
                onePassword:
                  vaults:
                    - name: Infrastructure
                      items:
                        - title: x
                          fields: {url: "${minio.url}"}
                """);

        assertThat(e.field()).isEqualTo("onePassword.vaults[0].items[0].fields.url");
        assertThat(e.problem()).startsWith("unknown placeholder ${minio.url}; known: s3.endpoint");
    }

    @Test
    void shouldReadTheMinioAdminApiWhenTheStoreHasOne() {
        WorldSpec spec = BuiltInWorlds.load("story-2-tempo-minio");

        assertThat(spec.store().users()).isEmpty();
        assertThat(spec.store().minio()).hasValueSatisfying(minio -> {
            assertThat(minio.rootUser()).isEqualTo("minio-root");
            assertThat(minio.rootPassword()).isEmpty();
        });
        assertThat(spec.expectations())
                .extracting(e -> e.expectation().getClass().getSimpleName())
                .contains("DriftClassSeen", "CredentialsMatchStore", "WorkloadReady", "RolloutsAtMost");
    }

    @Test
    void shouldRejectAMinioPlaceholderWhenTheStoreHasNoMinio() {
        WorldFileException e = parseFails(HEAD + """
                objects:
                  - apiVersion: v1
                    kind: Secret
                    metadata: {name: minio-root, namespace: storage}
                    stringData:
                      rootPassword: ${minio.rootPassword}
                """);

        assertThat(e.field()).isEqualTo("objects[0].stringData.rootPassword");
        assertThat(e.problem()).isEqualTo("placeholder ${minio.rootPassword} needs store.minio");
    }

    @Test
    void shouldRejectAMinioRootUserThatIsAlsoAStoreUserWithoutEchoingThePassword() {
        WorldFileException e = parseFails(HEAD.replace("name: test-world", "name: w") + """
                  minio: {rootUser: loki, rootPassword: a-root-password-1}
                """);

        assertThat(e.field()).isEqualTo("store.minio.rootUser");
        assertThat(e.getMessage()).doesNotContain("a-root-password-1");
    }

    @Test
    void shouldRejectAStepWithTwoActions() {
        WorldFileException e = parseFails(HEAD + """
                timeline:
                  - at: 2s
                    deletePod: {namespace: m, name: p}
                    suspendStoreUser: {user: loki}
                """);

        assertThat(e.location().line()).isEqualTo(9);
        assertThat(e.problem()).isEqualTo("has more than one action: [deletePod, suspendStoreUser]");
    }

    @Test
    void shouldRejectACertificateActionWithoutTls() {
        WorldFileException e = parseFails(HEAD + "timeline:\n  - at: 2s\n    expireCertificate: {}\n");

        assertThat(e.getMessage()).isEqualTo("bad.yaml:10:24: timeline[0].expireCertificate: needs store.tls");
    }

    @Test
    void shouldRejectAnUnknownDriftClassNamingTheField() {
        WorldFileException e = parseFails(HEAD + """
                expect:
                  all:
                    - driftClassSeen: {binding: monitoring/loki-s3, class: VAULT_OLD}
                """);

        assertThat(e.field()).isEqualTo("expect.all[0].driftClassSeen.class");
        assertThat(e.location().line()).isEqualTo(10);
        assertThat(e.problem()).startsWith("must be one of [AUTHORITY_REJECTED");
    }

    @Test
    void shouldRejectADuplicateKeyAtItsSecondOccurrence() {
        WorldFileException e = parseFails(HEAD + "name: again\n");

        assertThat(e.getMessage()).isEqualTo("bad.yaml:8:1: name: duplicate key (first at line 3)");
    }

    @Test
    void shouldRejectAnotherApiVersion() {
        WorldFileException e = parseFails("apiVersion: v1\nkind: World\nname: w\n");

        assertThat(e.getMessage()).isEqualTo("bad.yaml:1:13: apiVersion: must be sandbox.credrift.dev/v1alpha1");
    }

    @Test
    void shouldReportYamlSyntaxErrorsWithoutEchoingTheLineWhenAQuoteIsLeftOpen() {
        WorldFileException e = parseFails(HEAD + """
                onePassword:
                  vaults:
                    - name: Infrastructure
                      items:
                        - title: x
                          fields: {secret_key: "Wq9tOpen-Secret-Value
                """);

        assertThat(e.getMessage()).startsWith("bad.yaml:").contains("not valid YAML");
        assertThat(e.getMessage()).doesNotContain("Wq9tOpen-Secret-Value");
        assertThat(e.getStackTrace()).isEmpty();
    }

    @Test
    void shouldRejectGivenKeysWithOnlyOneHalf() {
        WorldFileException e = parseFails("""
                apiVersion: sandbox.credrift.dev/v1alpha1
                kind: World
                name: w
                store:
                  users:
                    - {name: tempo, accessKeyId: tempo}
                """);

        assertThat(e.field()).isEqualTo("store.users[0].secretAccessKey");
        assertThat(e.problem()).contains("give both accessKeyId and secretAccessKey");
        assertThat(e.location().line()).isEqualTo(6);
    }

    @Test
    void shouldRejectAnEmptyFile() {
        assertThatThrownBy(() -> WorldFileReader.parse("empty.yaml", ""))
                .hasMessage("empty.yaml:1:1: the file is empty");
    }

    static WorldFileException parseFails(String yaml) {
        try {
            WorldFileReader.parse("bad.yaml", yaml);
        } catch (WorldFileException e) {
            return e;
        }
        throw new AssertionError("expected bad.yaml to be refused");
    }
}
