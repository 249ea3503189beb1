package dev.credrift.api.validation;

import static dev.credrift.api.Examples.ALIBABA_RRSA;
import static dev.credrift.api.Examples.AWS_IRSA;
import static dev.credrift.api.Examples.LOKI_ROOK;
import static dev.credrift.api.Examples.S3_PRIVATE_CA;
import static dev.credrift.api.Examples.TEMPO_MINIO;
import static dev.credrift.api.Trees.remove;
import static dev.credrift.api.Trees.set;
import static dev.credrift.api.Trees.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.credrift.api.CrdSchema;
import dev.credrift.api.Examples;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * One fault per row, planted in a valid example. The validator must name exactly that field; where the schema can
 * judge (no CEL rule, no list-map key), the schema must refuse the object at that field or its parent too.
 */
class BadSpecMatrixTest {

    private static final String SOURCE_KINDS = "exactly one of rookObjectUser, secret, minio, webIdentity";
    private static final String OBJECT_NAME =
            "must be an object name (lowercase RFC 1123 subdomain: a-z, 0-9, '-'," + " '.', at most 253 characters)";
    private static final String NAMESPACE =
            "must be a namespace name (lowercase RFC 1123 label: a-z, 0-9, '-', at" + " most 63 characters)";
    private static final String DATA_KEY =
            "must be a data key (letters, digits, '-', '_', '.', at most 253 characters)";
    private static final String BUCKET = "must be an S3 bucket name (3-63 characters: a-z, 0-9, '-', '.';"
            + " dot-separated parts that start and end with a letter or digit; not an IP address)";
    private static final String URL = "must be an http:// or https:// URL";
    private static final String ROTATION_DURATION = "not a duration (Go syntax, e.g. 720h, 10m, 1h30m)";

    record Bad(String name, String example, Consumer<ObjectNode> edit, String error, boolean schemaJudges) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Bad both(String name, String example, Consumer<ObjectNode> edit, String error) {
        return new Bad(name, example, edit, error, true);
    }

    static Bad validatorOnly(String name, String example, Consumer<ObjectNode> edit, String error) {
        return new Bad(name, example, edit, error, false);
    }

    /** The edit applied to a valid example that rotates every 30 days with an RGW admin Secret. */
    static Consumer<ObjectNode> rotating(Consumer<ObjectNode> edit) {
        return t -> edit.accept(set(t, "spec.rotation", yaml("{every: 720h, adminSecretRef: {name: rgw-admin}}")));
    }

    static final List<Bad> CASES = List.of(
            both("no spec", LOKI_ROOK, t -> remove(t, "spec"), "spec: required"),
            both("no source", LOKI_ROOK, t -> remove(t, "spec.source"), "spec.source: required"),
            both(
                    "empty source",
                    LOKI_ROOK,
                    t -> remove(t, "spec.source.rookObjectUser"),
                    "spec.source: " + SOURCE_KINDS + " (none set)"),
            both(
                    "two sources",
                    LOKI_ROOK,
                    t -> set(t, "spec.source.secret", yaml("{name: loki-keys}")),
                    "spec.source: " + SOURCE_KINDS + " (2 set: rookObjectUser, secret)"),
            both(
                    "rook user missing",
                    LOKI_ROOK,
                    t -> remove(t, "spec.source.rookObjectUser.user"),
                    "spec.source.rookObjectUser.user: required"),
            both(
                    "rook namespace upper case",
                    LOKI_ROOK,
                    t -> set(t, "spec.source.rookObjectUser.namespace", "Storage"),
                    "spec.source.rookObjectUser.namespace: " + NAMESPACE),
            both(
                    "1Password item missing",
                    LOKI_ROOK,
                    t -> remove(t, "spec.vault.onePassword.item"),
                    "spec.vault.onePassword.item: required"),
            both(
                    "1Password item blank",
                    LOKI_ROOK,
                    t -> set(t, "spec.vault.onePassword.item", "  "),
                    "spec.vault.onePassword.item: required"),
            both(
                    "1Password secret field missing",
                    LOKI_ROOK,
                    t -> remove(t, "spec.vault.onePassword.fields.secretAccessKey"),
                    "spec.vault.onePassword.fields.secretAccessKey: required"),
            validatorOnly(
                    "1Password fields equal",
                    LOKI_ROOK,
                    t -> set(t, "spec.vault.onePassword.fields.secretAccessKey", "access_key"),
                    "spec.vault.onePassword.fields.secretAccessKey: must differ from accessKeyId"),
            both(
                    "vault without 1Password",
                    LOKI_ROOK,
                    t -> set(t, "spec.vault", yaml("{}")),
                    "spec.vault.onePassword: required"),
            both(
                    "connect secret without name",
                    LOKI_ROOK,
                    t -> set(t, "spec.vault.onePassword.connectSecretRef", yaml("{tokenKey: token}")),
                    "spec.vault.onePassword.connectSecretRef.name: required"),
            both(
                    "replica without ExternalSecret",
                    LOKI_ROOK,
                    t -> set(t, "spec.replica", yaml("{}")),
                    "spec.replica.externalSecret: required"),
            both(
                    "ExternalSecret name invalid",
                    LOKI_ROOK,
                    t -> set(t, "spec.replica.externalSecret.name", "Loki_S3"),
                    "spec.replica.externalSecret.name: " + OBJECT_NAME),
            both(
                    "mode unknown",
                    LOKI_ROOK,
                    t -> set(t, "spec.mode", "Heal"),
                    "spec.mode: must be one of Remediate, Observe"),
            both(
                    "authority lower case",
                    LOKI_ROOK,
                    t -> set(t, "spec.authority", "source"),
                    "spec.authority: must be one of Source, Vault"),
            both(
                    "consumer kind unknown",
                    LOKI_ROOK,
                    t -> set(t, "spec.consumers", yaml("[{kind: Job, name: x}]")),
                    "spec.consumers[0].kind: must be one of Deployment, StatefulSet, DaemonSet"),
            both(
                    "consumer name missing",
                    LOKI_ROOK,
                    t -> set(t, "spec.consumers", yaml("[{kind: StatefulSet}]")),
                    "spec.consumers[0].name: required"),
            both(
                    "consumer null",
                    LOKI_ROOK,
                    t -> set(t, "spec.consumers", yaml("[null]")),
                    "spec.consumers[0]: required"),
            validatorOnly(
                    "consumer twice",
                    TEMPO_MINIO,
                    t -> set(t, "spec.consumers[1]", yaml("{kind: StatefulSet, name: tempo-ingester}")),
                    "spec.consumers[1]: duplicate of spec.consumers[0]"),
            both("no store", LOKI_ROOK, t -> remove(t, "spec.store"), "spec.store: required"),
            both("no bucket", LOKI_ROOK, t -> remove(t, "spec.store.bucket"), "spec.store.bucket: required"),
            both(
                    "bucket upper case",
                    LOKI_ROOK,
                    t -> set(t, "spec.store.bucket", "Loki_Chunks"),
                    "spec.store.bucket: " + BUCKET),
            both("bucket too short", LOKI_ROOK, t -> set(t, "spec.store.bucket", "lc"), "spec.store.bucket: " + BUCKET),
            both(
                    "bucket with two dots",
                    LOKI_ROOK,
                    t -> set(t, "spec.store.bucket", "loki..chunks"),
                    "spec.store.bucket: " + BUCKET),
            both(
                    "bucket an IP address",
                    LOKI_ROOK,
                    t -> set(t, "spec.store.bucket", "192.168.10.20"),
                    "spec.store.bucket: " + BUCKET),
            both(
                    "endpoint ftp",
                    LOKI_ROOK,
                    t -> set(t, "spec.store.endpoint", "ftp://rgw.storage.svc"),
                    "spec.store.endpoint: " + URL),
            both(
                    "endpoint with credentials",
                    LOKI_ROOK,
                    t -> set(t, "spec.store.endpoint", "https://AKIAPLANTED:plantedSecret@rgw.storage.svc"),
                    "spec.store.endpoint: must not carry credentials (user-info) in the URL"),
            both(
                    "endpoint with query",
                    LOKI_ROOK,
                    t -> set(t, "spec.store.endpoint", "https://rgw.storage.svc?x=1"),
                    "spec.store.endpoint: must not have a query or fragment"),
            both(
                    "region with space",
                    LOKI_ROOK,
                    t -> set(t, "spec.store.region", "EU West"),
                    "spec.store.region: must be a region name (a-z, 0-9, '-', '_', at most 63 characters)"),
            both(
                    "readiness timeout in words",
                    LOKI_ROOK,
                    t -> set(t, "spec.rollout.readinessTimeout", "5 minutes"),
                    "spec.rollout.readinessTimeout: not a duration (Go syntax, e.g. 5m, 90s, 1h30m)"),
            both(
                    "readiness timeout negative",
                    LOKI_ROOK,
                    t -> set(t, "spec.rollout.readinessTimeout", "-5m"),
                    "spec.rollout.readinessTimeout: must be positive"),
            validatorOnly(
                    "readiness timeout zero",
                    LOKI_ROOK,
                    t -> set(t, "spec.rollout.readinessTimeout", "0s"),
                    "spec.rollout.readinessTimeout: must be positive"),
            validatorOnly(
                    "readiness timeout over a day",
                    LOKI_ROOK,
                    t -> set(t, "spec.rollout.readinessTimeout", "25h"),
                    "spec.rollout.readinessTimeout: must be at most 24h"),
            both(
                    "no rollouts allowed",
                    LOKI_ROOK,
                    t -> set(t, "spec.rollout.maxPerHour", 0),
                    "spec.rollout.maxPerHour: must be at least 1"),
            both(
                    "rollout storm allowed",
                    LOKI_ROOK,
                    t -> set(t, "spec.rollout.maxPerHour", 61),
                    "spec.rollout.maxPerHour: must be at most 60"),
            validatorOnly(
                    "CA and skip verify",
                    S3_PRIVATE_CA,
                    t -> set(t, "spec.store.tls.insecureSkipVerify", true),
                    "spec.store.tls.insecureSkipVerify: cannot be combined with caConfigMap: either trust the CA or"
                            + " skip verification"),
            both(
                    "server name with underscore",
                    S3_PRIVATE_CA,
                    t -> set(t, "spec.store.tls.serverName", "minio_svc"),
                    "spec.store.tls.serverName: must be a DNS name"),
            both(
                    "CA ConfigMap name invalid",
                    S3_PRIVATE_CA,
                    t -> set(t, "spec.store.tls.caConfigMap", "Storage CA"),
                    "spec.store.tls.caConfigMap: " + OBJECT_NAME),
            validatorOnly(
                    "secret source without endpoint",
                    S3_PRIVATE_CA,
                    t -> remove(t, "spec.store.endpoint"),
                    "spec.store.endpoint: required with source secret"),
            both(
                    "secret source without name",
                    S3_PRIVATE_CA,
                    t -> remove(t, "spec.source.secret.name"),
                    "spec.source.secret.name: required"),
            both(
                    "secret key with space",
                    S3_PRIVATE_CA,
                    t -> set(t, "spec.source.secret.accessKeyIdKey", "ACCESS KEY"),
                    "spec.source.secret.accessKeyIdKey: " + DATA_KEY),
            validatorOnly(
                    "minio with authority Source",
                    TEMPO_MINIO,
                    t -> set(t, "spec.authority", "Source"),
                    "spec.authority: must be Vault with source minio: the vault holds the keys the store is made to"
                            + " accept"),
            both(
                    "minio without admin secret",
                    TEMPO_MINIO,
                    t -> remove(t, "spec.source.minio.adminSecretRef"),
                    "spec.source.minio.adminSecretRef: required"),
            both(
                    "minio endpoint without scheme",
                    TEMPO_MINIO,
                    t -> set(t, "spec.source.minio.endpoint", "minio:9000"),
                    "spec.source.minio.endpoint: " + URL),
            both(
                    "minio policy empty",
                    TEMPO_MINIO,
                    t -> set(t, "spec.source.minio.policy", ""),
                    "spec.source.minio.policy: must not be empty"),
            validatorOnly(
                    "authority Vault without vault",
                    LOKI_ROOK,
                    t -> remove(set(t, "spec.authority", "Vault"), "spec.vault"),
                    "spec.vault: required with authority Vault"),
            validatorOnly(
                    "alibaba without OIDC provider",
                    ALIBABA_RRSA,
                    t -> remove(t, "spec.source.webIdentity.oidcProviderArn"),
                    "spec.source.webIdentity.oidcProviderArn: required for provider alibaba: AssumeRoleWithOIDC needs"
                            + " it"),
            both(
                    "alibaba OIDC provider is a role",
                    ALIBABA_RRSA,
                    t -> set(t, "spec.source.webIdentity.oidcProviderArn", "acs:ram::1234567890123456:role/tempo-oss"),
                    "spec.source.webIdentity.oidcProviderArn: must be an Alibaba Cloud RAM OIDC provider ARN"
                            + " (acs:ram::<account>:oidc-provider/<name>)"),
            validatorOnly(
                    "alibaba with an AWS role",
                    ALIBABA_RRSA,
                    t -> set(t, "spec.source.webIdentity.roleArn", "arn:aws:iam::123456789012:role/tempo"),
                    "spec.source.webIdentity.roleArn: must be an Alibaba Cloud RAM role ARN"
                            + " (acs:ram::<account>:role/<name>) for provider alibaba"),
            both(
                    "aws role not an ARN",
                    AWS_IRSA,
                    t -> set(t, "spec.source.webIdentity.roleArn", "loki-s3"),
                    "spec.source.webIdentity.roleArn: must be an AWS IAM role ARN (arn:aws:iam::<account>:role/<name>)"
                            + " for provider aws"),
            both(
                    "provider unknown",
                    AWS_IRSA,
                    t -> set(t, "spec.source.webIdentity.provider", "gcp"),
                    "spec.source.webIdentity.provider: must be one of aws, alibaba"),
            both(
                    "no service account",
                    AWS_IRSA,
                    t -> remove(t, "spec.source.webIdentity.serviceAccount"),
                    "spec.source.webIdentity.serviceAccount: required"),
            both(
                    "STS endpoint without scheme",
                    AWS_IRSA,
                    t -> set(t, "spec.source.webIdentity.stsEndpoint", "sts.amazonaws.com"),
                    "spec.source.webIdentity.stsEndpoint: " + URL),
            validatorOnly(
                    "web identity with a vault",
                    AWS_IRSA,
                    t -> set(
                            t,
                            "spec.vault",
                            yaml("{onePassword: {vault: V, item: I, fields: {accessKeyId: a,"
                                    + " secretAccessKey: b}}}")),
                    "spec.vault: must not be set with source webIdentity: there are no static keys"),
            validatorOnly(
                    "web identity with authority Vault",
                    AWS_IRSA,
                    t -> set(t, "spec.authority", "Vault"),
                    "spec.authority: must be Source with source webIdentity: there are no static keys"),
            validatorOnly(
                    "web identity with no region",
                    AWS_IRSA,
                    t -> remove(remove(t, "spec.store.region"), "spec.source.webIdentity.region"),
                    "spec.store.region: required with source webIdentity when spec.store.endpoint is not set"),
            both(
                    "rotation every in words",
                    LOKI_ROOK,
                    rotating(t -> set(t, "spec.rotation.every", "30 days")),
                    "spec.rotation.every: " + ROTATION_DURATION),
            validatorOnly(
                    "rotation every under an hour",
                    LOKI_ROOK,
                    rotating(t -> set(t, "spec.rotation.every", "30m")),
                    "spec.rotation.every: must be at least 1h"),
            validatorOnly(
                    "rotation neither every nor maxAge",
                    LOKI_ROOK,
                    rotating(t -> remove(t, "spec.rotation.every")),
                    "spec.rotation: set every (to rotate) or maxAge (to alert on key age), or both"),
            validatorOnly(
                    "rotation maxAge not longer than every",
                    LOKI_ROOK,
                    rotating(t -> set(t, "spec.rotation.maxAge", "720h")),
                    "spec.rotation.maxAge: must be longer than spec.rotation.every: otherwise it alerts before every"
                            + " rotation"),
            both(
                    "rotation revokeAfter negative",
                    LOKI_ROOK,
                    rotating(t -> set(t, "spec.rotation.revokeAfter", "-1m")),
                    "spec.rotation.revokeAfter: must not be negative"),
            validatorOnly(
                    "rotation revokeAfter over a day",
                    LOKI_ROOK,
                    rotating(t -> set(t, "spec.rotation.revokeAfter", "25h")),
                    "spec.rotation.revokeAfter: must be at most 24h: the old key stays valid all that time"),
            both(
                    "rotation mode unknown",
                    LOKI_ROOK,
                    rotating(t -> set(t, "spec.rotation.mode", "Remediate")),
                    "spec.rotation.mode: must be one of Rotate, Observe"),
            both(
                    "rotation window day unknown",
                    LOKI_ROOK,
                    rotating(t -> set(t, "spec.rotation.window", yaml("{days: [Sat, Someday]}"))),
                    "spec.rotation.window.days[1]: must be one of Mon, Tue, Wed, Thu, Fri, Sat, Sun"),
            validatorOnly(
                    "rotation window day twice",
                    LOKI_ROOK,
                    rotating(t -> set(t, "spec.rotation.window", yaml("{days: [Sat, Sun, Sat]}"))),
                    "spec.rotation.window.days[2]: duplicate of spec.rotation.window.days[0]"),
            both(
                    "rotation window hours malformed",
                    LOKI_ROOK,
                    rotating(t -> set(t, "spec.rotation.window", yaml("{hours: '2-5'}"))),
                    "spec.rotation.window.hours: must be HH:MM-HH:MM on a 24-hour clock, e.g. 02:00-05:00"),
            validatorOnly(
                    "rotation window hours empty",
                    LOKI_ROOK,
                    rotating(t -> set(t, "spec.rotation.window", yaml("{hours: '02:00-02:00'}"))),
                    "spec.rotation.window.hours: must not open and close at the same time"),
            validatorOnly(
                    "rotation time zone unknown",
                    LOKI_ROOK,
                    rotating(t -> set(t, "spec.rotation.window", yaml("{timeZone: Mars/Olympus_Mons}"))),
                    "spec.rotation.window.timeZone: must be an IANA time zone, e.g. Europe/Berlin or UTC"),
            both(
                    "rotation admin secret without name",
                    LOKI_ROOK,
                    rotating(t -> set(t, "spec.rotation.adminSecretRef", yaml("{namespace: storage}"))),
                    "spec.rotation.adminSecretRef.name: required"),
            validatorOnly(
                    "web identity rotation",
                    AWS_IRSA,
                    t -> set(t, "spec.rotation", yaml("{every: 720h}")),
                    "spec.rotation.every: must not be set with source webIdentity: there are no static keys to rotate"
                            + " (token lifetimes are reported instead)"),
            validatorOnly(
                    "secret source rotation",
                    S3_PRIVATE_CA,
                    t -> set(t, "spec.rotation", yaml("{every: 720h}")),
                    "spec.rotation.every: must not be set with source secret: credrift cannot mint its keys (use"
                            + " maxAge to alert on key age, or name the RGW user in spec.rotation.rgwUser with"
                            + " adminSecretRef)"),
            validatorOnly(
                    "plain RGW user without the admin Secret",
                    S3_PRIVATE_CA,
                    t -> set(t, "spec.rotation", yaml("{every: 720h, rgwUser: loki}")),
                    "spec.rotation.adminSecretRef: required with spec.rotation.rgwUser: the RGW Admin Ops API mints"
                            + " and revokes the user's keys with this credential (caps users=*)"),
            validatorOnly(
                    "RGW user named for a Rook source",
                    LOKI_ROOK,
                    rotating(t -> set(t, "spec.rotation.rgwUser", "loki")),
                    "spec.rotation.rgwUser: only with source secret (a plain RGW user without Rook); a"
                            + " rookObjectUser's RGW user is the CephObjectStoreUser's name"),
            both(
                    "RGW user id malformed",
                    S3_PRIVATE_CA,
                    rotating(t -> set(t, "spec.rotation.rgwUser", "-loki")),
                    "spec.rotation.rgwUser: must be an RGW user id: 1-64 of letters, digits, '.', '_' and '-',"
                            + " starting with a letter or digit"));

    private final CredentialBindingValidator validator = new CredentialBindingValidator();

    @ParameterizedTest
    @FieldSource("CASES")
    void shouldNameExactlyTheBadFieldWhenValidatorJudges(Bad bad) {
        ObjectNode tree = Examples.tree(bad.example());
        bad.edit().accept(tree);

        ValidationResult result = validator.validate(Examples.fromTree(tree));

        assertThat(result.errors()).extracting(Violation::toString).containsExactly(bad.error());
        assertThat(result.isValid()).isFalse();
    }

    @ParameterizedTest
    @FieldSource("CASES")
    void shouldBeRefusedBySchemaAtThatFieldWhenSchemaCanJudge(Bad bad) {
        ObjectNode tree = Examples.tree(bad.example());
        bad.edit().accept(tree);

        Set<String> locations = CrdSchema.validate(tree).stream()
                .map(message -> message.getInstanceLocation().toString())
                .collect(Collectors.toSet());

        if (bad.schemaJudges()) {
            String field = bad.error().substring(0, bad.error().indexOf(": "));
            assertThat(locations).as("schema errors for %s", bad).containsAnyOf("$." + field, "$" + parent(field));
        } else {
            // a CEL rule or list-map key: only a real API server (and the validator) can refuse it
            assertThat(locations).as("schema errors for %s", bad).isEmpty();
        }
    }

    @ParameterizedTest
    @FieldSource("CASES")
    void shouldNotRepeatThePlantedValueWhenReporting(Bad bad) {
        ObjectNode tree = Examples.tree(bad.example());
        bad.edit().accept(tree);

        ValidationResult result = validator.validate(Examples.fromTree(tree));

        assertThat(result.violations())
                .extracting(Violation::message)
                .noneMatch(message -> message.contains("PLANTED")
                        || message.contains("planted")
                        || message.contains("Loki_")
                        || message.contains("Storage")
                        || message.contains("minio_svc"));
    }

    /** {@code spec.vault.onePassword.item} → {@code .spec.vault.onePassword}; {@code spec} → empty. */
    private static String parent(String field) {
        int cut = Math.max(field.lastIndexOf('.'), field.lastIndexOf('['));
        return cut < 0 ? "" : "." + field.substring(0, cut);
    }
}
