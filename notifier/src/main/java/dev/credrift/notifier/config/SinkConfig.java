package dev.credrift.notifier.config;

import dev.credrift.events.credential.SecretValue;
import dev.credrift.events.payload.SinkKind;
import dev.credrift.notifier.webhook.SignatureScheme;
import dev.credrift.notifier.webhook.StandardWebhookSignature;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One place notifications go: a Slack incoming webhook or a signed generic webhook.
 *
 * @param name        how routes and events name the sink, e.g. {@code slack-oncall}: letters, digits, {@code . _ -}
 * @param kind        Slack (Block Kit message) or webhook (the CloudEvent in structured JSON, signed)
 * @param url         where the webhook URL is read from; Slack's URL is itself a credential
 * @param signing     how deliveries are signed and where the HMAC key is read from; required for webhooks, not
 *                    allowed for Slack
 * @param timeouts    per attempt
 * @param retry       how failed attempts are retried
 * @param rateLimit   how many requests per period the sink gets
 * @param concurrency how many messages are in flight at once; 1 keeps the sink's messages in order
 */
public record SinkConfig(
        String name,
        SinkKind kind,
        SecretSource url,
        Signing signing,
        SinkTimeouts timeouts,
        RetryPolicy retry,
        RateLimit rateLimit,
        int concurrency) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

    /** Validates every field; the secrets themselves are only read by {@link #resolve}. */
    public SinkConfig {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidNotifierConfig(
                    "sink",
                    "name",
                    "must be 1 to 63 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        String object = object(name);
        if (kind == null) {
            throw new InvalidNotifierConfig(object, "kind", "is required (SLACK or WEBHOOK)");
        }
        if (url == null) {
            throw new InvalidNotifierConfig(object, "url", "is required");
        }
        if (kind == SinkKind.WEBHOOK && signing == null) {
            throw new InvalidNotifierConfig(object, "signingKey", "is required for a webhook sink");
        }
        if (kind == SinkKind.SLACK && signing != null) {
            throw new InvalidNotifierConfig(
                    object,
                    "signingKey",
                    "is not used by Slack (the incoming webhook URL is the credential); leave it out");
        }
        if (timeouts == null) {
            throw new InvalidNotifierConfig(object, "timeouts", "is required");
        }
        if (retry == null) {
            throw new InvalidNotifierConfig(object, "retry", "is required");
        }
        if (rateLimit == null) {
            throw new InvalidNotifierConfig(object, "rateLimit", "is required");
        }
        if (concurrency < 1 || concurrency > 64) {
            throw new InvalidNotifierConfig(object, "concurrency", "must be 1 to 64");
        }
    }

    /** A Slack incoming webhook with the defaults. */
    public static SinkConfig slack(String name, SecretSource url) {
        return new SinkConfig(
                name, SinkKind.SLACK, url, null, SinkTimeouts.DEFAULT, RetryPolicy.DEFAULT, RateLimit.SLACK_DEFAULT, 1);
    }

    /** A signed webhook with the defaults. */
    public static SinkConfig webhook(String name, SecretSource url, SecretSource signingKey) {
        return new SinkConfig(
                name,
                SinkKind.WEBHOOK,
                url,
                new Signing(SignatureScheme.CREDRIFT, signingKey),
                SinkTimeouts.DEFAULT,
                RetryPolicy.DEFAULT,
                RateLimit.WEBHOOK_DEFAULT,
                1);
    }

    /** A copy signed with another scheme (webhooks only). */
    public SinkConfig withSignature(SignatureScheme value) {
        if (signing == null) {
            throw new InvalidNotifierConfig(object(name), "signature", "applies to webhook sinks only");
        }
        return new SinkConfig(
                name, kind, url, new Signing(value, signing.key()), timeouts, retry, rateLimit, concurrency);
    }

    /** Where the signing key is read from, or {@code null} (Slack). */
    public SecretSource signingKey() {
        return signing == null ? null : signing.key();
    }

    /** How deliveries are signed; {@link SignatureScheme#CREDRIFT} for Slack (which signs nothing). */
    public SignatureScheme signature() {
        return signing == null ? SignatureScheme.CREDRIFT : signing.scheme();
    }

    /** A copy with other timeouts. */
    public SinkConfig withTimeouts(SinkTimeouts value) {
        return new SinkConfig(name, kind, url, signing, value, retry, rateLimit, concurrency);
    }

    /** A copy with another retry policy. */
    public SinkConfig withRetry(RetryPolicy value) {
        return new SinkConfig(name, kind, url, signing, timeouts, value, rateLimit, concurrency);
    }

    /** A copy with another rate limit. */
    public SinkConfig withRateLimit(RateLimit value) {
        return new SinkConfig(name, kind, url, signing, timeouts, retry, value, concurrency);
    }

    /** A copy with another concurrency. */
    public SinkConfig withConcurrency(int value) {
        return new SinkConfig(name, kind, url, signing, timeouts, retry, rateLimit, value);
    }

    /**
     * Reads the URL and signing key and checks the URL.
     *
     * @param env the environment for {@link SecretSource.Env} sources (normally {@code System::getenv})
     * @throws InvalidNotifierConfig naming the sink and field, never the URL or key
     */
    public SinkTarget resolve(Function<String, String> env) {
        Objects.requireNonNull(env, "env");
        String object = object(name);
        SecretValue resolvedUrl = url.resolve(object, "url", env);
        checkUrl(object, resolvedUrl);
        SecretValue key = signing == null ? null : signing.key().resolve(object, "signingKey", env);
        if (key != null && signing.scheme() == SignatureScheme.STANDARD_WEBHOOKS) {
            try {
                StandardWebhookSignature.check(key);
            } catch (IllegalArgumentException e) {
                throw new InvalidNotifierConfig(object, "signingKey", e.getMessage());
            }
        }
        return new SinkTarget(this, resolvedUrl, key);
    }

    /** Names the sink and kind; the sources say where the secrets are, never what they are. */
    @Override
    public String toString() {
        return "SinkConfig[name=" + name + ", kind=" + kind + ", url from " + url.describe()
                + (signing == null
                        ? ""
                        : ", signature " + signing.scheme().wireName() + " with signingKey from "
                                + signing.key().describe())
                + ", timeouts=" + timeouts + ", retry=" + retry + ", rateLimit=" + rateLimit
                + ", concurrency=" + concurrency + "]";
    }

    static String object(String name) {
        return "sink '" + name + "'";
    }

    private static void checkUrl(String object, SecretValue url) {
        URI uri;
        try {
            uri = new URI(url.reveal());
        } catch (URISyntaxException e) {
            // URISyntaxException's message quotes the input: keep only our words
            throw new InvalidNotifierConfig(object, "url", "is not a valid URI");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new InvalidNotifierConfig(object, "url", "must be an absolute http or https URL with a host");
        }
        if (uri.getUserInfo() != null) {
            throw new InvalidNotifierConfig(object, "url", "must not carry user info (user:password@)");
        }
    }
}
