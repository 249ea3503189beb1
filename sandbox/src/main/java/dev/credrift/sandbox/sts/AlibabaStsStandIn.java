package dev.credrift.sandbox.sts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.credrift.sandbox.s3.S3StoreStandIn;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Alibaba Cloud STS {@code AssumeRoleWithOIDC} (API version 2015-04-01), RPC style: parameters in the query string or
 * a form body ({@code Action}, {@code Version}, {@code OIDCProviderArn}, {@code RoleArn}, {@code OIDCToken},
 * {@code RoleSessionName}, {@code DurationSeconds}), answered with JSON ({@code RequestId}, {@code Credentials},
 * {@code AssumedRoleUser}, {@code OIDCTokenInfo}) or an error document ({@code RequestId}, {@code HostId},
 * {@code Code}, {@code Message}) with Alibaba's codes:
 * <ul>
 *   <li>400 {@code Throttling.User} above the request limit (100 per second, as STS documents);</li>
 *   <li>400 {@code MissingParameter} / {@code InvalidParameter.DurationSeconds};</li>
 *   <li>401 {@code AuthenticationFail.NoPermission} "No such OIDC Provider registered." for an unknown provider;</li>
 *   <li>401 {@code AuthenticationFail.OIDCToken.Invalid} (not a JWT, unsigned),
 *       {@code AuthenticationFail.OIDCToken.InvalidSignature}, {@code AuthenticationFail.OIDCToken.IssuerNotMatch},
 *       {@code AuthenticationFail.OIDCToken.Expired}, {@code AuthenticationFail.OIDCToken.AudienceNotMatch};</li>
 *   <li>404 {@code EntityNotExist.Role} for a role that does not exist;</li>
 *   <li>403 {@code NoPermission} when the role's trust policy does not admit the token's {@code sub} (or its
 *       provider).</li>
 * </ul>
 */
public final class AlibabaStsStandIn implements AutoCloseable {

    static final String HOST_ID = "sts.aliyuncs.com";
    private static final int DOCUMENTED_LIMIT_PER_SECOND = 100;
    private static final Duration DEFAULT_DURATION = Duration.ofHours(1);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StsDirectory directory;
    private final TokenCheck tokens;
    private final SessionIssuer sessions;
    private final RequestRate rate;
    private final StsHttp http;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();

    private AlibabaStsStandIn(StsDirectory directory, S3StoreStandIn store, Clock clock) {
        this.directory = directory;
        this.tokens = new TokenCheck(clock);
        this.sessions = new SessionIssuer(store, clock);
        this.rate = new RequestRate(clock, DOCUMENTED_LIMIT_PER_SECOND);
        this.http = new StsHttp("alibaba-sts", this::answer);
    }

    /** Starts on a free port of 127.0.0.1. */
    public static AlibabaStsStandIn start(StsDirectory directory, S3StoreStandIn store, Clock clock) {
        return new AlibabaStsStandIn(directory, store, clock);
    }

    public URI endpoint() {
        return http.endpoint();
    }

    /** Every session from now on lasts {@code lifetime}, whatever {@code DurationSeconds} asks. */
    public void shortenSessions(Duration lifetime) {
        sessions.shortenLifetime(lifetime);
    }

    /** Answers {@code Throttling.User} above this many requests per second (default 100, as documented). */
    public void limitRequestsPerSecond(int perSecond) {
        rate.limit(perSecond);
    }

    public List<IssuedSession> issued() {
        return sessions.issued();
    }

    public long requestCount() {
        return requests.get();
    }

    /** Requests answered with {@code Throttling.User}. */
    public long throttledCount() {
        return throttled.get();
    }

    StsHttp.Reply answer(Map<String, String> params) {
        requests.incrementAndGet();
        if (rate.overLimit()) {
            throttled.incrementAndGet();
            return error(400, "Throttling.User", "Request was denied due to user flow control.");
        }
        if (!"AssumeRoleWithOIDC".equals(params.get("Action"))) {
            return error(
                    404,
                    "InvalidAction.NotFound",
                    "Specified api is not found, please check your url and" + " method.");
        }
        for (String required : List.of("OIDCProviderArn", "RoleArn", "OIDCToken", "RoleSessionName")) {
            String value = params.get(required);
            if (value == null || value.isEmpty()) {
                return error(
                        400,
                        "MissingParameter",
                        "The input parameter \"" + required
                                + "\" that is mandatory for processing this request is not supplied.");
            }
        }
        Duration duration = DEFAULT_DURATION;
        if (params.containsKey("DurationSeconds")) {
            try {
                duration = Duration.ofSeconds(Long.parseLong(params.get("DurationSeconds")));
            } catch (NumberFormatException e) {
                duration = Duration.ZERO;
            }
            if (duration.getSeconds() < 900 || duration.getSeconds() > 43200) {
                return error(
                        400,
                        "InvalidParameter.DurationSeconds",
                        "The Min/Max value of DurationSeconds is" + " 15min/12hr.");
            }
        }
        Optional<OidcProvider> provider = directory.provider(params.get("OIDCProviderArn"));
        if (provider.isEmpty()) {
            return error(401, "AuthenticationFail.NoPermission", "No such OIDC Provider registered.");
        }
        TokenCheck.Result result = tokens.check(params.get("OIDCToken"), provider.get());
        if (result instanceof TokenCheck.Invalid invalid) {
            return switch (invalid.problem()) {
                case MALFORMED ->
                    error(
                            401,
                            "AuthenticationFail.OIDCToken.Invalid",
                            "The Jwt content is invalid that cannot be recognized.");
                case UNSIGNED ->
                    error(
                            401,
                            "AuthenticationFail.OIDCToken.Invalid",
                            "The algorithm none that be specified in Jwt header is unknown.");
                case BAD_SIGNATURE ->
                    error(
                            401,
                            "AuthenticationFail.OIDCToken.InvalidSignature",
                            "OIDC token validate failed: invalid signature.");
                case ISSUER_MISMATCH -> error(401, "AuthenticationFail.OIDCToken.IssuerNotMatch", "Issuer not match.");
                case EXPIRED -> error(401, "AuthenticationFail.OIDCToken.Expired", "This JsonWebToken is expired.");
                case AUDIENCE -> error(401, "AuthenticationFail.OIDCToken.AudienceNotMatch", "Invalid audience.");
            };
        }
        TokenCheck.Valid valid = (TokenCheck.Valid) result;
        Optional<StsRole> role = directory.role(params.get("RoleArn"));
        if (role.isEmpty()) {
            return error(404, "EntityNotExist.Role", "The role not exists: " + params.get("RoleArn") + ".");
        }
        if (!role.get().trust().admits(provider.get().arn(), valid.subject(), valid.audiences())) {
            return error(
                    403,
                    "NoPermission",
                    "You are not authorized to do this action. You should be authorized by" + " RAM.");
        }
        IssuedSession session = sessions.issue(role.get(), params.get("RoleSessionName"), duration, "STS.", 24);
        return new StsHttp.Reply(200, "application/json", success(role.get(), session, valid, provider.get()));
    }

    private static String success(StsRole role, IssuedSession session, TokenCheck.Valid token, OidcProvider provider) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("RequestId", UUID.randomUUID().toString().toUpperCase());
        body.put(
                "OIDCTokenInfo",
                Map.of(
                        "Subject",
                        token.subject(),
                        "Issuer",
                        provider.issuerUrl(),
                        "ClientIds",
                        String.join(",", token.audiences())));
        body.put(
                "AssumedRoleUser",
                Map.of(
                        "AssumedRoleId",
                                Long.toString(role.arn().hashCode() & 0xffffffffL) + ":" + session.sessionName(),
                        "Arn", role.arn() + "/" + session.sessionName()));
        Map<String, Object> credentials = new LinkedHashMap<>();
        credentials.put("SecurityToken", session.sessionToken().reveal());
        credentials.put(
                "Expiration",
                DateTimeFormatter.ISO_INSTANT.format(session.expiration().truncatedTo(ChronoUnit.SECONDS)));
        credentials.put("AccessKeySecret", session.credential().secret().reveal());
        credentials.put("AccessKeyId", session.credential().accessKeyId());
        body.put("Credentials", credentials);
        return json(body);
    }

    private static StsHttp.Reply error(int status, String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("RequestId", UUID.randomUUID().toString().toUpperCase());
        body.put("HostId", HOST_ID);
        body.put("Code", code);
        body.put("Message", message);
        body.put("Recommend", "https://api.aliyun.com/troubleshoot?q=" + code + "&product=Sts");
        return new StsHttp.Reply(status, "application/json", json(body));
    }

    private static String json(Map<String, Object> body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an STS answer", e);
        }
    }

    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "AlibabaStsStandIn[" + endpoint() + "]";
    }
}
