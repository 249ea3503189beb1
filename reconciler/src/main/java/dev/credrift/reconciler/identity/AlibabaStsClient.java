package dev.credrift.reconciler.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.credrift.events.credential.Credential;
import dev.credrift.events.credential.SecretValue;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Alibaba Cloud STS {@code AssumeRoleWithOIDC} (2015-04-01), RPC style and anonymous (the OIDC token is the
 * authentication), reading the JSON answer: {@code Credentials} on success, {@code Code} and {@code Message} on
 * refusal. {@code Throttling*} codes (STS allows 100 requests per second), HTTP 429 and 5xx are
 * {@link StsUnavailable}, to be retried after a backoff.
 */
public final class AlibabaStsClient implements StsClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StsTransport transport;
    private final Clock clock;

    public AlibabaStsClient(Clock clock) {
        this(StsTransport.defaults(), clock);
    }

    AlibabaStsClient(StsTransport transport, Clock clock) {
        this.transport = transport;
        this.clock = clock;
    }

    @Override
    public StsReply exchange(ExchangeRequest request) {
        String providerArn = request.oidcProviderArn()
                .orElseThrow(() -> new IllegalArgumentException("AssumeRoleWithOIDC needs an OIDC provider ARN"));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("Action", "AssumeRoleWithOIDC");
        form.put("Version", "2015-04-01");
        form.put("Format", "JSON");
        form.put(
                "Timestamp",
                DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS)));
        form.put("SignatureNonce", UUID.randomUUID().toString());
        form.put("OIDCProviderArn", providerArn);
        form.put("RoleArn", request.roleArn());
        form.put("OIDCToken", request.token().reveal());
        form.put("RoleSessionName", request.sessionName());
        request.duration().ifPresent(d -> form.put("DurationSeconds", Long.toString(d.toSeconds())));
        StsTransport.Answer answer = transport.post(request.endpoint(), form);
        JsonNode json;
        try {
            json = JSON.readTree(answer.body());
        } catch (Exception e) {
            throw new StsUnavailable(
                    "STS " + request.endpoint() + " answered " + answer.status() + " with a body that is not JSON",
                    answer.status() == 429);
        }
        String code = json.path("Code").asText("");
        if (answer.status() == 200 && json.has("Credentials")) {
            return issued(json.path("Credentials"), request);
        }
        if (answer.status() == 429
                || answer.status() >= 500
                || code.startsWith("Throttling")
                || code.equals("ServiceUnavailable")) {
            throw new StsUnavailable(
                    "STS " + request.endpoint() + " answered " + answer.status() + " "
                            + (code.isEmpty() ? "without an error code" : code),
                    code.startsWith("Throttling") || answer.status() == 429);
        }
        return new StsReply.Refused(
                answer.status(),
                code.isEmpty() ? "HTTP" + answer.status() : code,
                json.path("Message").asText(""));
    }

    private static StsReply issued(JsonNode credentials, ExchangeRequest request) {
        String keyId = credentials.path("AccessKeyId").asText("");
        String secret = credentials.path("AccessKeySecret").asText("");
        String token = credentials.path("SecurityToken").asText("");
        String expiration = credentials.path("Expiration").asText("");
        if (keyId.isEmpty() || secret.isEmpty() || token.isEmpty() || expiration.isEmpty()) {
            throw new StsUnavailable("STS " + request.endpoint() + " answered 200 without complete Credentials", false);
        }
        try {
            return new StsReply.Issued(new TemporaryCredential(
                    new Credential(keyId, SecretValue.of(secret)), SecretValue.of(token), Instant.parse(expiration)));
        } catch (DateTimeParseException e) {
            throw new StsUnavailable("STS " + request.endpoint() + " answered an Expiration that is not a time", false);
        }
    }
}
