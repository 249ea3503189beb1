package dev.credrift.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.credrift.app.kafka.BootstrapServers;
import dev.credrift.events.payload.EventType;
import dev.credrift.events.payload.SinkKind;
import dev.credrift.notifier.config.SecretSource;
import dev.credrift.notifier.report.Severity;
import dev.credrift.notifier.webhook.SignatureScheme;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigParserTest {

    private static final Path FILE = Path.of("/etc/credrift/credrift.yaml");
    private static final String PLANTED_URL = "https://hooks.slack.com/services/T0PLANT/B0PLANT/s3cr3tPl4nt3dV4lu3";

    private static final String COMPLETE = """
            # every section, as an operator would write it
            kafka:
              bootstrapServers: kafka-0.kafka:9092,kafka-1.kafka:9092
              topicPrefix: team-a
              partitions: 6
              replicationFactor: 3
              properties:
                security.protocol: SASL_SSL
                sasl.jaas.config: {file: /etc/credrift/kafka/jaas}
            fingerprintKeyFile: /etc/credrift/fingerprint/key
            kubernetes:
              kubeconfig: /home/sre/.kube/config
              context: staging
            onePassword:
              url: https://onepassword-connect:8443
              tokenFile: /etc/credrift/1password/token
              caFile: /etc/credrift/1password/ca.crt
              requestTimeout: 20s
            notifier:
              dedupWindow: 10m
              sinks:
                - name: slack-oncall
                  kind: slack
                  url: {file: /etc/credrift/slack/url}
                - name: audit-hook
                  kind: webhook
                  url: {env: AUDIT_HOOK_URL}
                  signingKey: {env: AUDIT_HOOK_KEY}
                  timeouts: {connect: 2s, request: 5s}
                  retry: {maxAttempts: 3, initialBackoff: 500ms, maxBackoff: 10s}
                  rateLimit: {permits: 5, period: 1s, burst: 5}
              routes:
                - sinks: [slack-oncall]
                  namespaces: [monitoring]
                  minSeverity: warning
                  eventTypes: [remediation.halted, dev.credrift.drift.detected.v1]
                  bindingLabels: {team: observability}
                - sinks: [audit-hook]
            watcher:
              resyncPeriod: 5m
              coalesceWindow: 100ms
              leaderElection: false
              leaseNamespace: credrift
            reconciler:
              maxConcurrentBindings: 4
              globalRolloutsPerHour: 10
              vaultWritesPerMinute: 6
              probeCacheTtl: 15s
              notReadyGrace: 90s
              identityRecheck: 3m
            """;

    @Test
    void shouldReadEverySectionWhenFileIsComplete() {
        CredriftConfig config = ConfigParser.parse(FILE, COMPLETE);

        assertThat(config.file()).contains(FILE);
        assertThat(config.kafka().bootstrapServers())
                .contains(BootstrapServers.parse("kafka-0.kafka:9092,kafka-1.kafka:9092"));
        assertThat(config.kafka().topicPrefix()).contains("team-a");
        assertThat(config.kafka().partitions()).contains(6);
        assertThat(config.kafka().replicationFactor()).contains((short) 3);
        assertThat(config.kafka().properties())
                .containsEntry("security.protocol", new CredriftConfig.KafkaProperty.Plain("SASL_SSL"))
                .containsEntry(
                        "sasl.jaas.config",
                        new CredriftConfig.KafkaProperty.Secret(
                                new SecretReference.File(Path.of("/etc/credrift/kafka/jaas"))));
        assertThat(config.fingerprintKeyFile()).contains(Path.of("/etc/credrift/fingerprint/key"));
        assertThat(config.kubernetes().kubeconfig()).contains(Path.of("/home/sre/.kube/config"));
        assertThat(config.kubernetes().context()).contains("staging");
        assertThat(config.onePassword()).hasValueSatisfying(onePassword -> {
            assertThat(onePassword.url()).isEqualTo(URI.create("https://onepassword-connect:8443"));
            assertThat(onePassword.tokenFile()).isEqualTo(Path.of("/etc/credrift/1password/token"));
            assertThat(onePassword.caFile()).contains(Path.of("/etc/credrift/1password/ca.crt"));
            assertThat(onePassword.requestTimeout()).contains(Duration.ofSeconds(20));
        });
        assertThat(config.notifier().dedupWindow()).contains(Duration.ofMinutes(10));
        assertThat(config.notifier().sinks()).hasSize(2);
        assertThat(config.notifier().sink("slack-oncall")).hasValueSatisfying(sink -> {
            assertThat(sink.kind()).isEqualTo(SinkKind.SLACK);
            assertThat(sink.url()).isEqualTo(SecretSource.file(Path.of("/etc/credrift/slack/url")));
        });
        assertThat(config.notifier().sink("audit-hook")).hasValueSatisfying(sink -> {
            assertThat(sink.kind()).isEqualTo(SinkKind.WEBHOOK);
            assertThat(sink.url()).isEqualTo(SecretSource.env("AUDIT_HOOK_URL"));
            assertThat(sink.signingKey()).isEqualTo(SecretSource.env("AUDIT_HOOK_KEY"));
            assertThat(sink.timeouts().request()).isEqualTo(Duration.ofSeconds(5));
            assertThat(sink.retry().maxAttempts()).isEqualTo(3);
            assertThat(sink.retry().maxBackoff()).isEqualTo(Duration.ofSeconds(10));
            assertThat(sink.rateLimit().permits()).isEqualTo(5);
        });
        assertThat(config.notifier().routes()).hasSize(2);
        assertThat(config.notifier().routes().get(0)).satisfies(route -> {
            assertThat(route.sinks()).containsExactly("slack-oncall");
            assertThat(route.namespaces()).containsExactly("monitoring");
            assertThat(route.minSeverity()).isEqualTo(Severity.WARNING);
            assertThat(route.eventTypes())
                    .containsExactlyInAnyOrder(EventType.REMEDIATION_HALTED, EventType.DRIFT_DETECTED);
            assertThat(route.bindingLabels()).isEqualTo(Map.of("team", "observability"));
        });
        assertThat(config.watcher().resyncPeriod()).contains(Duration.ofMinutes(5));
        assertThat(config.watcher().coalesceWindow()).contains(Duration.ofMillis(100));
        assertThat(config.watcher().leaderElection()).contains(false);
        assertThat(config.watcher().leaseNamespace()).contains("credrift");
        assertThat(config.reconciler().maxConcurrentBindings()).contains(4);
        assertThat(config.reconciler().globalRolloutsPerHour()).contains(10);
        assertThat(config.reconciler().vaultWritesPerMinute()).contains(6);
        assertThat(config.reconciler().probeCacheTtl()).contains(Duration.ofSeconds(15));
        assertThat(config.reconciler().notReadyGrace()).contains(Duration.ofSeconds(90));
        assertThat(config.reconciler().identityRecheck()).contains(Duration.ofMinutes(3));
    }

    @Test
    void shouldReadShippedExampleWhenParsed() {
        CredriftConfig config = ConfigParser.parse(Path.of("credrift.example.yaml"));

        assertThat(config.notifier().sinks())
                .extracting(sink -> sink.name())
                .containsExactly("slack-oncall", "audit-hook");
        assertThat(config.onePassword()).isPresent();
        assertThat(config.fingerprintKeyFile()).isPresent();
    }

    @Test
    void shouldReadTheAuditKeysAndASinksSignatureSchemeWhenGiven() {
        CredriftConfig config = ConfigParser.parse(FILE, """
                audit: {keyFile: /etc/credrift/audit/key, previousKeyFiles: [/etc/credrift/audit/previous-0]}
                notifier:
                  sinks:
                    - {name: std-hook, kind: webhook, url: {env: HOOK_URL}, signingKey: {env: HOOK_KEY}, signature: standard-webhooks}
                """);

        assertThat(config.audit().keyFile()).contains(Path.of("/etc/credrift/audit/key"));
        assertThat(config.audit().previousKeyFiles()).containsExactly(Path.of("/etc/credrift/audit/previous-0"));
        assertThat(config.notifier().sinks())
                .singleElement()
                .satisfies(sink -> assertThat(sink.signature()).isEqualTo(SignatureScheme.STANDARD_WEBHOOKS));
        assertThatThrownBy(() -> ConfigParser.parse(FILE, "audit: {previousKeyFiles: [/k]}\n"))
                .hasMessageContaining("audit: previousKeyFiles needs keyFile");
        assertThatThrownBy(() -> ConfigParser.parse(FILE, """
                notifier:
                  sinks:
                    - {name: s, kind: webhook, url: {env: U}, signingKey: {env: K}, signature: svix}
                """)).hasMessageContaining("signature");
    }

    @Test
    void shouldKeepDefaultsWhenFileIsEmpty() {
        CredriftConfig config = ConfigParser.parse(FILE, "# nothing yet\n");

        assertThat(config.file()).contains(FILE);
        assertThat(config.notifier().sinks()).isEmpty();
        assertThat(config.onePassword()).isEmpty();
        assertThat(config.kafka().bootstrapServers()).isEmpty();
    }

    @Test
    void shouldNameLineAndFieldWhenFieldIsUnknown() {
        String text = """
                notifier:
                  dedupWindw: 5m
                """;

        assertThatThrownBy(() -> ConfigParser.parse(FILE, text))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage(
                        FILE + ":2: notifier.dedupWindw: is not a known field here; known: dedupWindow, routes, sinks");
    }

    @Test
    void shouldRefuseInlineSecretWithoutEchoingItWhenSinkUrlIsWrittenOut() {
        String text = """
                notifier:
                  sinks:
                    - name: slack-oncall
                      kind: slack
                      url: %s
                """.formatted(PLANTED_URL);

        assertThatThrownBy(() -> ConfigParser.parse(FILE, text))
                .isInstanceOf(InvalidConfigException.class)
                .satisfies(e -> {
                    InvalidConfigException error = (InvalidConfigException) e;
                    assertThat(error.line()).isEqualTo(5);
                    assertThat(error.field()).isEqualTo("notifier.sinks[0].url");
                    assertThat(error.getMessage())
                            .contains("{file: PATH} or {env: VARIABLE}")
                            .doesNotContain("s3cr3tPl4nt3dV4lu3")
                            .doesNotContain("hooks.slack.com");
                });
    }

    @Test
    void shouldRefuseInlineKafkaPasswordWithoutEchoingIt() {
        String text = """
                kafka:
                  properties:
                    security.protocol: SASL_SSL
                    ssl.truststore.password: pl4nt3d-truststore-pw
                """;

        assertThatThrownBy(() -> ConfigParser.parse(FILE, text))
                .hasMessageStartingWith(FILE + ":4: kafka.properties.ssl.truststore.password: holds a credential")
                .hasMessageNotContaining("pl4nt3d");
    }

    @Test
    void shouldRefuseKafkaSettingsCredriftOwnsWhenConfigured() {
        assertThatThrownBy(() -> ConfigParser.parse(FILE, "kafka:\n  properties:\n    group.id: mine\n"))
                .hasMessage(FILE + ":3: kafka.properties.group.id: is set by credrift itself and cannot be configured");
    }

    @Test
    void shouldNotQuoteTheLineWhenYamlIsBroken() {
        String text = """
                onePassword:
                  url: https://connect:8443
                 tokenFile: "pl4nt3d-token-in-a-broken-line
                """;

        assertThatThrownBy(() -> ConfigParser.parse(FILE, text))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("is not valid YAML")
                .hasMessageNotContaining("pl4nt3d")
                .satisfies(e -> assertThat(((InvalidConfigException) e).line()).isBetween(2, 4));
    }

    @Test
    void shouldNameBothLinesWhenKeyIsRepeated() {
        String text = """
                watcher:
                  resyncPeriod: 5m
                  resyncPeriod: 10m
                """;

        assertThatThrownBy(() -> ConfigParser.parse(FILE, text))
                .hasMessage(FILE + ":3: repeats the key 'resyncPeriod' (first on line 2)");
    }

    @Test
    void shouldShowValueWhenPlainSettingIsMalformed() {
        assertThatThrownBy(() -> ConfigParser.parse(FILE, "watcher:\n  resyncPeriod: 10x\n"))
                .hasMessage(FILE + ":2: watcher.resyncPeriod: '10x' is not a duration; use e.g. 500ms, 10s, 2m, 1h or"
                        + " ISO-8601 like PT10S");
        assertThatThrownBy(() -> ConfigParser.parse(FILE, "kafka:\n  partitions: 0\n"))
                .hasMessage(FILE + ":2: kafka.partitions: must be 1 to 10000, got 0");
        assertThatThrownBy(() -> ConfigParser.parse(FILE, "watcher:\n  leaderElection: maybe\n"))
                .hasMessage(FILE + ":2: watcher.leaderElection: must be true or false, got 'maybe'");
    }

    @Test
    void shouldNameItemWhenRouteNamesUnknownSink() {
        String text = """
                notifier:
                  sinks:
                    - {name: slack-oncall, kind: slack, url: {env: SLACK_URL}}
                  routes:
                    - sinks:
                        - slack-oncall
                        - pagerduty
                """;

        assertThatThrownBy(() -> ConfigParser.parse(FILE, text))
                .hasMessage(FILE + ":7: notifier.routes[0].sinks[1]: names sink 'pagerduty', which is not configured"
                        + " under notifier.sinks");
    }

    @Test
    void shouldNameFieldWhenWebhookHasNoSigningKey() {
        String text = """
                notifier:
                  sinks:
                    - name: hook
                      kind: webhook
                      url: {env: HOOK_URL}
                """;

        assertThatThrownBy(() -> ConfigParser.parse(FILE, text))
                .hasMessage(FILE + ":3: notifier.sinks[0].signingKey: is required for a webhook sink");
    }

    @Test
    void shouldNameNestedFieldWhenNotifierRuleIsBroken() {
        String text = """
                notifier:
                  sinks:
                    - name: slack
                      kind: slack
                      url: {env: SLACK_URL}
                      retry:
                        initialBackoff: 1m
                        maxBackoff: 1s
                """;

        assertThatThrownBy(() -> ConfigParser.parse(FILE, text))
                .hasMessage(FILE + ":7: notifier.sinks[0].retry.maxBackoff: must not be shorter than initialBackoff");
    }

    @Test
    void shouldNameFieldWhenRequiredFieldIsMissing() {
        assertThatThrownBy(() -> ConfigParser.parse(FILE, "onePassword:\n  url: https://connect:8443\n"))
                .hasMessage(FILE + ":2: onePassword.tokenFile: is required");
    }

    @Test
    void shouldNotEchoUrlWhenOnePasswordUrlCarriesCredentials() {
        assertThatThrownBy(() -> ConfigParser.parse(
                        FILE, "onePassword:\n  url: https://admin:pl4nt3d@connect:8443\n  tokenFile: /t\n"))
                .hasMessage(FILE
                        + ":2: onePassword.url: must not carry user info (user:password@); credentials go in files");
    }

    @Test
    void shouldSayWhatKindIsExpectedWhenShapeIsWrong() {
        assertThatThrownBy(() -> ConfigParser.parse(FILE, "notifier:\n  sinks:\n    name: slack\n"))
                .hasMessage(FILE + ":3: notifier.sinks: must be a list ('- item' lines or [a, b]), found a mapping");
        assertThatThrownBy(() -> ConfigParser.parse(FILE, "kafka: localhost:9092\n"))
                .hasMessage(FILE + ":1: kafka: must be a mapping (key: value lines), found a value");
    }

    @Test
    void shouldSayFileDoesNotExistWhenPathIsWrong() {
        Path missing = Path.of("/nonexistent/credrift-" + System.nanoTime() + ".yaml");

        assertThatThrownBy(() -> ConfigParser.parse(missing)).hasMessage(missing + ": does not exist");
    }
}
