package dev.credrift.notifier.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.credrift.events.credential.SecretValue;
import dev.credrift.events.payload.SinkKind;
import dev.credrift.notifier.NotifierConfig;
import dev.credrift.notifier.routing.RouteRule;
import dev.credrift.notifier.webhook.SignatureScheme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotifierConfigTest {

    private static final String SLACK_URL = "https://hooks.slack.com/services/T000/B000/planted-slack-token";
    private static final String KEY = "planted-signing-key";

    @TempDir
    Path dir;

    private static SecretSource value(String text) {
        return SecretSource.value(SecretValue.of(text));
    }

    @Test
    void shouldReadSecretsFromFilesAndEnvironmentDroppingOneTrailingLineBreak() throws Exception {
        Path url = Files.writeString(dir.resolve("url"), SLACK_URL + "\n");
        SinkConfig sink = SinkConfig.webhook("hook", SecretSource.file(url), SecretSource.env("HOOK_KEY"));

        SinkTarget target = sink.resolve(Map.of("HOOK_KEY", KEY + "\r\n")::get);

        assertThat(target.url().reveal()).isEqualTo(SLACK_URL);
        assertThat(target.signingKey()).map(SecretValue::reveal).contains(KEY);
    }

    @Test
    void shouldNeverPrintASecret() throws Exception {
        SinkConfig sink = SinkConfig.webhook("hook", value(SLACK_URL), value(KEY));
        SinkTarget target = sink.resolve(name -> null);

        assertThat(sink.toString()).doesNotContain(SLACK_URL, KEY, "planted");
        assertThat(target.toString()).doesNotContain(SLACK_URL, KEY, "planted");
    }

    @Test
    void shouldSayWhichSinkAndFieldCannotBeReadWithoutTheValue() {
        SinkConfig missingFile = SinkConfig.slack("slack-oncall", SecretSource.file(dir.resolve("absent")));
        assertThatThrownBy(() -> missingFile.resolve(name -> null))
                .isInstanceOf(InvalidNotifierConfig.class)
                .hasMessageStartingWith("sink 'slack-oncall': url cannot be read from file");

        SinkConfig missingEnv = SinkConfig.webhook("hook", value(SLACK_URL), SecretSource.env("HOOK_KEY"));
        assertThatThrownBy(() -> missingEnv.resolve(name -> null))
                .isInstanceOf(InvalidNotifierConfig.class)
                .hasMessage("sink 'hook': signingKey is not set: environment variable HOOK_KEY is missing");

        assertThatThrownBy(() -> SinkConfig.slack("s", value("\n")).resolve(name -> null))
                .hasMessageContaining("url is empty");
    }

    @Test
    void shouldRefuseABadUrlWithoutQuotingIt() {
        for (String bad : List.of(
                "not a url planted-slack-token",
                "ftp://host/planted-slack-token",
                "/relative/planted-slack-token",
                "https://user:planted-slack-token@host/x")) {
            assertThatThrownBy(() -> SinkConfig.slack("slack", value(bad)).resolve(name -> null))
                    .isInstanceOf(InvalidNotifierConfig.class)
                    .satisfies(e -> assertThat(e.getMessage())
                            .startsWith("sink 'slack': url")
                            .doesNotContain("planted"));
        }
    }

    @Test
    void shouldRequireASigningKeyForWebhooksAndRefuseOneForSlack() {
        assertThatThrownBy(() -> new SinkConfig(
                        "hook",
                        SinkKind.WEBHOOK,
                        value(SLACK_URL),
                        null,
                        SinkTimeouts.DEFAULT,
                        RetryPolicy.DEFAULT,
                        RateLimit.WEBHOOK_DEFAULT,
                        1))
                .hasMessage("sink 'hook': signingKey is required for a webhook sink");
        assertThatThrownBy(() -> new SinkConfig(
                        "slack",
                        SinkKind.SLACK,
                        value(SLACK_URL),
                        new Signing(SignatureScheme.CREDRIFT, value(KEY)),
                        SinkTimeouts.DEFAULT,
                        RetryPolicy.DEFAULT,
                        RateLimit.SLACK_DEFAULT,
                        1))
                .hasMessageStartingWith("sink 'slack': signingKey is not used by Slack");
    }

    @Test
    void shouldRefuseBadNamesAndNumbers() {
        assertThatThrownBy(() -> SinkConfig.slack("has space", value(SLACK_URL)))
                .hasMessageStartingWith("sink: name must");
        assertThatThrownBy(() ->
                        new RetryPolicy(0, Duration.ofSeconds(1), 2, 0.5, Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .hasMessage("retry: maxAttempts must be 1 to 100");
        assertThatThrownBy(() ->
                        new RetryPolicy(3, Duration.ofSeconds(1), 2, 1.0, Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .hasMessage("retry: jitter must be at least 0 and below 1");
        assertThatThrownBy(() -> new SinkTimeouts(Duration.ZERO, Duration.ofSeconds(1)))
                .hasMessage("timeouts: connect must be a positive duration");
        assertThatThrownBy(() -> new RateLimit(0, Duration.ofSeconds(1), 1))
                .hasMessage("rateLimit: permits must be at least 1");
        assertThatThrownBy(() -> SinkConfig.slack("s", value(SLACK_URL)).withConcurrency(0))
                .hasMessage("sink 's': concurrency must be 1 to 64");
    }

    @Test
    void shouldRefuseDuplicateSinksUnknownRouteSinksAndFixedKafkaSettings() {
        SinkConfig slack = SinkConfig.slack("slack", value(SLACK_URL));
        assertThatThrownBy(() -> NotifierConfig.of(List.of(slack, slack)))
                .hasMessage("sink 'slack': name is used by more than one sink");
        assertThatThrownBy(() -> NotifierConfig.of(List.of(slack)).withRoutes(List.of(RouteRule.to("hook"))))
                .hasMessageContaining("names sink 'hook', which is not configured");
        assertThatThrownBy(() -> NotifierConfig.of(List.of(slack)).withKafka(Map.of("enable.auto.commit", "true")))
                .hasMessage("notifier: kafka.enable.auto.commit is set by the notifier itself");
    }

    @Test
    void shouldHaveWorkableDefaults() {
        NotifierConfig config = NotifierConfig.of(List.of(SinkConfig.slack("slack", value(SLACK_URL))));

        assertThat(config.groupId()).isEqualTo("credrift-notifier");
        assertThat(config.routes()).isEmpty();
        assertThat(config.dedupWindow()).isEqualTo(Duration.ofMinutes(15));
        assertThat(config.sinks().get(0).retry().maxAttempts()).isEqualTo(5);
        assertThat(config.sinks().get(0).rateLimit()).isEqualTo(RateLimit.SLACK_DEFAULT);
    }
}
