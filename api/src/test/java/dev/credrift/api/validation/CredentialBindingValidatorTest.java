package dev.credrift.api.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.credrift.api.CredentialBinding;
import dev.credrift.api.Examples;
import dev.credrift.api.Trees;
import dev.credrift.api.spec.AdminSecretRef;
import dev.credrift.api.spec.Authority;
import dev.credrift.api.spec.ConnectSecretRef;
import dev.credrift.api.spec.ConsumerRef;
import dev.credrift.api.spec.CredentialBindingSpec;
import dev.credrift.api.spec.ExternalSecretRef;
import dev.credrift.api.spec.MinioSource;
import dev.credrift.api.spec.Mode;
import dev.credrift.api.spec.OnePasswordFields;
import dev.credrift.api.spec.OnePasswordItem;
import dev.credrift.api.spec.Replica;
import dev.credrift.api.spec.Rollout;
import dev.credrift.api.spec.RookObjectUserSource;
import dev.credrift.api.spec.SecretSource;
import dev.credrift.api.spec.Source;
import dev.credrift.api.spec.Store;
import dev.credrift.api.spec.StoreTls;
import dev.credrift.api.spec.Vault;
import dev.credrift.api.spec.WebIdentityProvider;
import dev.credrift.api.spec.WebIdentitySource;
import dev.credrift.api.spec.WorkloadKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class CredentialBindingValidatorTest {

    private static final String PLANTED = "PLANTED-wJalrXUtnFEMI-K7MDENG";

    private final CredentialBindingValidator validator = new CredentialBindingValidator();

    @ParameterizedTest
    @FieldSource("dev.credrift.api.Examples#ALL")
    void shouldAcceptExampleWithoutErrorOrWarning(String example) {
        ValidationResult result = validator.validate(Examples.binding(example));

        assertThat(result.violations()).isEmpty();
        assertThat(result.isValid()).isTrue();
        assertThat(result.errorSummary()).isEmpty();
    }

    @Test
    void shouldRequireTheSpecWhenBindingOrSpecIsNull() {
        CredentialBinding noSpec = new CredentialBinding();

        assertThat(validator.validate((CredentialBinding) null).errors())
                .extracting(Violation::toString)
                .containsExactly("spec: required");
        assertThat(validator.validate(noSpec).errors())
                .extracting(Violation::toString)
                .containsExactly("spec: required");
    }

    @Test
    void shouldReportEveryProblemInWalkOrderWhenSpecHasManyFaults() {
        var tree = Examples.tree(Examples.LOKI_ROOK);
        Trees.set(tree, "spec.mode", "Heal");
        Trees.remove(tree, "spec.vault.onePassword.item");
        Trees.set(tree, "spec.consumers", Trees.yaml("[{kind: Job, name: loki}]"));
        Trees.set(tree, "spec.store.bucket", "L");
        Trees.set(tree, "spec.rollout.readinessTimeout", "soon");

        ValidationResult result = validator.validate(Examples.fromTree(tree));

        assertThat(result.errors())
                .extracting(Violation::path)
                .containsExactly(
                        "spec.mode",
                        "spec.vault.onePassword.item",
                        "spec.consumers[0].kind",
                        "spec.store.bucket",
                        "spec.rollout.readinessTimeout");
        assertThat(result.errorSummary())
                .startsWith(
                        "spec.mode: must be one of Remediate, Observe; " + "spec.vault.onePassword.item: required; ");
    }

    @Test
    void shouldWarnButAcceptWhenCertificateVerificationIsSkipped() {
        var tree = Examples.tree(Examples.S3_PRIVATE_CA);
        Trees.remove(tree, "spec.store.tls.caConfigMap");
        Trees.set(tree, "spec.store.tls.insecureSkipVerify", true);

        ValidationResult result = validator.validate(Examples.fromTree(tree));

        assertThat(result.isValid()).isTrue();
        assertThat(result.warnings())
                .extracting(Violation::toString)
                .containsExactly(
                        "spec.store.tls.insecureSkipVerify: certificate verification is off: the store's identity is not"
                                + " checked");
    }

    @Test
    void shouldWarnWhenTlsIsConfiguredForAnHttpEndpoint() {
        var tree = Examples.tree(Examples.TEMPO_MINIO);
        Trees.set(tree, "spec.store.tls", Trees.yaml("{caConfigMap: storage-ca}"));

        ValidationResult result = validator.validate(Examples.fromTree(tree));

        assertThat(result.isValid()).isTrue();
        assertThat(result.warnings())
                .extracting(Violation::toString)
                .containsExactly("spec.store.tls: ignored: the store endpoint is http");
    }

    @Test
    void shouldWarnWhenTheMinioEndpointIsHttpAndTheStoreNamesNone() {
        var tree = Examples.tree(Examples.TEMPO_MINIO);
        Trees.remove(tree, "spec.store.endpoint");
        Trees.set(tree, "spec.store.tls", Trees.yaml("{serverName: minio.minio.svc}"));

        ValidationResult result = validator.validate(Examples.fromTree(tree));

        assertThat(result.warnings()).extracting(Violation::path).containsExactly("spec.store.tls");
    }

    @Test
    void shouldWarnWhenAwsIsGivenAnOidcProviderArn() {
        var tree = Examples.tree(Examples.AWS_IRSA);
        Trees.set(
                tree,
                "spec.source.webIdentity.oidcProviderArn",
                "arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC");

        ValidationResult result = validator.validate(Examples.fromTree(tree));

        assertThat(result.isValid()).isTrue();
        assertThat(result.warnings())
                .extracting(Violation::path)
                .containsExactly("spec.source.webIdentity.oidcProviderArn");
    }

    @Test
    void shouldAcceptAnEmptyServerNameWhenItMeansTheEndpointHost() {
        var tree = Examples.tree(Examples.S3_PRIVATE_CA);
        Trees.set(tree, "spec.store.tls.serverName", "");

        assertThat(validator.validate(Examples.fromTree(tree)).violations()).isEmpty();
    }

    @Test
    void shouldReportEveryRequiredFieldWithoutThrowingWhenAllFieldsAreNull() {
        CredentialBindingSpec spec = new CredentialBindingSpec(
                null,
                Authority.VAULT,
                new Source(
                        new RookObjectUserSource(null, null, null),
                        new SecretSource(null, null, null, null),
                        new MinioSource(null, new AdminSecretRef(null, null, null, null), null),
                        new WebIdentitySource(null, null, null, null, null, null, null)),
                new Vault(new OnePasswordItem(
                        null, null, new OnePasswordFields(null, null), new ConnectSecretRef(null, null, null, null))),
                new Replica(new ExternalSecretRef(null)),
                Arrays.asList(null, new ConsumerRef(null, null)),
                new Store(null, null, null, null, new StoreTls(null, null, null, false)),
                new Rollout(null, null));

        ValidationResult result = validator.validate(spec);

        assertThat(result.errors())
                .extracting(Violation::toString)
                .containsExactly(
                        "spec.source: exactly one of rookObjectUser, secret, minio, webIdentity (4 set: rookObjectUser,"
                                + " secret, minio, webIdentity)",
                        "spec.source.rookObjectUser.namespace: required",
                        "spec.source.rookObjectUser.store: required",
                        "spec.source.rookObjectUser.user: required",
                        "spec.source.secret.name: required",
                        "spec.source.minio.endpoint: required",
                        "spec.source.minio.adminSecretRef.name: required",
                        "spec.source.webIdentity.provider: required",
                        "spec.source.webIdentity.roleArn: required",
                        "spec.source.webIdentity.serviceAccount: required",
                        "spec.vault.onePassword.vault: required",
                        "spec.vault.onePassword.item: required",
                        "spec.vault.onePassword.fields.accessKeyId: required",
                        "spec.vault.onePassword.fields.secretAccessKey: required",
                        "spec.vault.onePassword.connectSecretRef.name: required",
                        "spec.replica.externalSecret.name: required",
                        "spec.consumers[0]: required",
                        "spec.consumers[1].kind: required",
                        "spec.consumers[1].name: required",
                        "spec.store.bucket: required");
    }

    @Test
    void shouldNeverThrowWhenFieldsHoldGarbage() {
        Random random = new Random(42);
        List<CredentialBindingSpec> specs = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            specs.add(garbageSpec(random));
        }

        for (CredentialBindingSpec spec : specs) {
            assertThatCode(() -> validator.validate(spec)).doesNotThrowAnyException();
            ValidationResult result = validator.validate(spec);
            assertThat(result.violations())
                    .extracting(Violation::message)
                    .noneMatch(message -> message.startsWith("could not be validated"))
                    .noneMatch(message -> message.contains(PLANTED));
        }
    }

    @Test
    void shouldNeverRepeatAPlantedValueWhenEveryStringIsBad() {
        String bad = PLANTED + " / \u0000";
        CredentialBindingSpec spec = new CredentialBindingSpec(
                Mode.UNRECOGNIZED,
                Authority.SOURCE,
                new Source(
                        new RookObjectUserSource(bad, bad, bad),
                        new SecretSource(bad, bad, bad, bad),
                        new MinioSource(
                                "https://" + PLANTED + ":" + PLANTED + "@minio",
                                new AdminSecretRef(bad, bad, bad, bad),
                                bad + "x".repeat(200)),
                        new WebIdentitySource(WebIdentityProvider.ALIBABA, bad, bad, bad, bad, bad, bad)),
                new Vault(new OnePasswordItem(
                        bad.repeat(20),
                        bad,
                        new OnePasswordFields(bad, bad),
                        new ConnectSecretRef(bad, bad, bad, bad))),
                new Replica(new ExternalSecretRef(bad)),
                List.of(new ConsumerRef(WorkloadKind.UNRECOGNIZED, bad)),
                new Store(bad, bad, bad, true, new StoreTls(bad, bad, bad, true)),
                new Rollout(-1, bad));

        ValidationResult result = validator.validate(spec);

        assertThat(result.errors()).hasSizeGreaterThan(25);
        assertThat(result.violations()).allSatisfy(v -> {
            assertThat(v.message()).doesNotContain(PLANTED);
            assertThat(v.path()).doesNotContain(PLANTED);
        });
    }

    private static CredentialBindingSpec garbageSpec(Random random) {
        return new CredentialBindingSpec(
                pick(random, Mode.values()),
                pick(random, Authority.values()),
                random.nextInt(5) == 0
                        ? null
                        : new Source(
                                random.nextBoolean()
                                        ? null
                                        : new RookObjectUserSource(text(random), text(random), text(random)),
                                random.nextBoolean()
                                        ? null
                                        : new SecretSource(text(random), text(random), text(random), text(random)),
                                random.nextBoolean()
                                        ? null
                                        : new MinioSource(
                                                text(random),
                                                random.nextBoolean()
                                                        ? null
                                                        : new AdminSecretRef(
                                                                text(random), text(random), text(random), text(random)),
                                                text(random)),
                                random.nextBoolean()
                                        ? null
                                        : new WebIdentitySource(
                                                pick(random, WebIdentityProvider.values()),
                                                text(random),
                                                text(random),
                                                text(random),
                                                text(random),
                                                text(random),
                                                text(random))),
                random.nextInt(3) == 0
                        ? null
                        : new Vault(
                                random.nextBoolean()
                                        ? null
                                        : new OnePasswordItem(
                                                text(random),
                                                text(random),
                                                random.nextBoolean()
                                                        ? null
                                                        : new OnePasswordFields(text(random), text(random)),
                                                random.nextBoolean()
                                                        ? null
                                                        : new ConnectSecretRef(
                                                                text(random),
                                                                text(random),
                                                                text(random),
                                                                text(random)))),
                random.nextInt(3) == 0
                        ? null
                        : new Replica(random.nextBoolean() ? null : new ExternalSecretRef(text(random))),
                random.nextBoolean()
                        ? null
                        : Arrays.asList(
                                null,
                                new ConsumerRef(pick(random, WorkloadKind.values()), text(random)),
                                new ConsumerRef(pick(random, WorkloadKind.values()), text(random))),
                random.nextInt(5) == 0
                        ? null
                        : new Store(
                                text(random),
                                text(random),
                                text(random),
                                random.nextBoolean() ? null : random.nextBoolean(),
                                random.nextBoolean()
                                        ? null
                                        : new StoreTls(text(random), text(random), text(random), random.nextBoolean())),
                random.nextBoolean()
                        ? null
                        : new Rollout(random.nextBoolean() ? null : random.nextInt(), text(random)));
    }

    private static final String[] GARBAGE = {
        null,
        "",
        " ",
        "\t\n",
        "\u0000",
        "..",
        "-",
        "a",
        "http://",
        "https://",
        "https://[::1",
        "https://h:99999999",
        "http://a b",
        "https://u@h",
        "//host",
        "arn:",
        "acs:ram::",
        "acs:ram::1:role/",
        "5m",
        "-0",
        "+",
        ".",
        "1.2.3.4",
        "µs",
        "9".repeat(40) + "h",
        "\uD83D\uDE00",
        "\uD800",
        "Ω≈ç√",
        "%00",
        "${jndi:ldap://x}",
        "x".repeat(10_000),
        PLANTED,
        "https://" + PLANTED + "@h",
        "https://h/?" + PLANTED,
        "loki",
        "storage",
        "https://minio:9000",
        "arn:aws:iam::123456789012:role/x",
        "acs:ram::1:oidc-provider/p"
    };

    private static String text(Random random) {
        return GARBAGE[random.nextInt(GARBAGE.length)];
    }

    private static <T> T pick(Random random, T[] values) {
        int i = random.nextInt(values.length + 1);
        return i == values.length ? null : values[i];
    }
}
