package dev.credrift.app.sandbox;

import dev.credrift.api.CredentialBinding;
import dev.credrift.api.status.ConditionType;
import dev.credrift.api.status.CredentialBindingStatus;
import dev.credrift.sandbox.world.BuiltInWorlds;
import dev.credrift.sandbox.world.WorldReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, stores (3): a role-based binding has nothing to rotate, so its {@code spec.rotation} is answered with
 * the token lifetimes. Story 4's world (Tempo on IRSA, the AWS STS stand-in) — kept healthy, with {@code
 * spec.rotation.maxAge} on the binding and Tempo's Deployment mounting the token the EKS pod-identity webhook injects
 * ({@code aws-iam-token}, audience {@code sts.amazonaws.com}, 86400 s) — runs through {@code credrift sandbox} with
 * the real watcher and reconciler: status says how long STS's temporary keys live (STS's default hour, from the
 * reconciler's own exchange) and how long the pods' tokens live. No credential appears in status or any output.
 */
class SandboxRoleLifetimesIT {

    private static final String STORY = "story-4-tempo-irsa";
    private static final String NAME = "tempo-irsa-token-lifetimes";
    private static final String STS_KEYS = "STS issues its temporary keys for 1 h and ";
    private static final String POD_TOKENS =
            "the pods' web-identity tokens (audience sts.amazonaws.com) live 24 h, renewed by the kubelet";

    /** Tempo as the EKS pod-identity webhook leaves it: its ServiceAccount and the projected web-identity token. */
    private static final String TEMPO = """
              - apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: tempo
                  namespace: tracing
                  labels: {app.kubernetes.io/name: tempo}
                spec:
                  replicas: 1
                  selector:
                    matchLabels: {app.kubernetes.io/name: tempo}
                  template:
                    metadata:
                      labels: {app.kubernetes.io/name: tempo}
                    spec:
                      serviceAccountName: tempo
                      containers:
                        - name: tempo
                          image: grafana/tempo:2.5.0
                          env:
                            - {name: AWS_ROLE_ARN, value: "arn:aws:iam::111122223333:role/tempo-s3"}
                            - name: AWS_WEB_IDENTITY_TOKEN_FILE
                              value: /var/run/secrets/eks.amazonaws.com/serviceaccount/token
                          volumeMounts:
                            - {name: aws-iam-token, mountPath: /var/run/secrets/eks.amazonaws.com/serviceaccount}
                      volumes:
                        - name: aws-iam-token
                          projected:
                            sources:
                              - serviceAccountToken:
                                  audience: sts.amazonaws.com
                                  expirationSeconds: 86400
                                  path: token

            """;

    private static final String EXPECT = """
            expect:
              within: 60s
              all:
                - bindingDriftClass: {binding: tracing/tempo-s3, class: IN_SYNC}
                - bindingCondition:
                    binding: tracing/tempo-s3
                    type: Rotating
                    status: "False"
                    reason: Refused
                    messageContains: "%s"
            """.formatted(POD_TOKENS);

    @TempDir
    Path out;

    private final WorldSecrets secrets = new WorldSecrets();
    private final Map<String, Object> seen = new LinkedHashMap<>();

    @Test
    void shouldReportTheTokenLifetimesWhenARoleBasedBindingDeclaresRotation() throws IOException {
        Path world = out.resolve(NAME + ".yaml");
        Files.writeString(world, world());

        SandboxRun run = SandboxRun.execute(
                secrets.collecting((finished, report) -> {
                    seen.put("report", report);
                    seen.put(
                            "status",
                            Optional.ofNullable(finished.kubernetesClient()
                                            .resources(CredentialBinding.class)
                                            .inNamespace("tracing")
                                            .withName("tempo-s3")
                                            .get())
                                    .map(CredentialBinding::getStatus));
                }),
                Map.of(),
                "--world",
                world.toString(),
                "--out",
                out.toString(),
                "--verbose");
        secrets.add(Files.readString(out.resolve("audit.key")));

        SoftAssertions softly = new SoftAssertions();
        Map<String, String> outputs = WorldSecrets.outputs(run, out);
        Optional<?> status = (Optional<?>) seen.getOrDefault("status", Optional.empty());
        outputs.put("binding status", status.map(Object::toString).orElse(""));
        secrets.assertNoneIn(softly, outputs);

        softly.assertThat(run.exitCode()).as(run.usage()).isZero();
        softly.assertThat(run.printed()).contains("✓ PASSED " + NAME);
        softly.assertThat(seen.get("report"))
                .isInstanceOfSatisfying(
                        WorldReport.class,
                        r -> softly.assertThat(r.passed()).as(r.summary()).isTrue());
        softly.assertThat(status).hasValueSatisfying(s -> {
            CredentialBindingStatus binding = (CredentialBindingStatus) s;
            softly.assertThat(binding.rotation()).as("status.rotation").isNotNull();
            softly.assertThat(
                            binding.rotation() == null
                                    ? null
                                    : binding.rotation().message())
                    .isEqualTo("not rotated: role-based binding: no static key to rotate; " + STS_KEYS + POD_TOKENS);
            softly.assertThat(binding.condition(ConditionType.ROTATING))
                    .hasValueSatisfying(c -> softly.assertThat(c.message()).endsWith(STS_KEYS + POD_TOKENS));
        });
        softly.assertAll();
    }

    /** Story 4 without its trust-policy edit: healthy throughout, with spec.rotation and Tempo's pods. */
    private static String world() {
        String story = BuiltInWorlds.yaml(STORY);
        String healthy = story.substring(0, story.indexOf("\ntimeline:") + 1);
        String named = require(healthy, "name: " + STORY + "\n", "name: " + NAME + "\n")
                .replaceFirst(
                        "(?s)description: .*?\n\n",
                        "description: Tempo on IRSA, healthy, with spec.rotation; credrift reports the token"
                                + " lifetimes\n\n");
        String endpoint = "          stsEndpoint: ${sts.aws.endpoint}\n";
        // the validator refuses every with web identity: maxAge is what such a binding can declare
        return require(named, endpoint, endpoint + "      rotation: {maxAge: 2160h}\n") + TEMPO + EXPECT;
    }

    private static String require(String text, String what, String replacement) {
        if (!text.contains(what)) {
            throw new IllegalStateException(STORY + " no longer contains " + what.strip());
        }
        return text.replace(what, replacement);
    }
}
