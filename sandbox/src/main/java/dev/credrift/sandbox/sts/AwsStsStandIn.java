package dev.credrift.sandbox.sts;

import dev.credrift.sandbox.s3.S3StoreStandIn;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * AWS STS {@code AssumeRoleWithWebIdentity} as the Query API documents it: parameters in the query string or a form
 * body ({@code Action}, {@code Version=2011-06-15}, {@code RoleArn}, {@code RoleSessionName},
 * {@code WebIdentityToken}, {@code DurationSeconds}), an {@code AssumeRoleWithWebIdentityResponse} XML document on
 * success and an {@code ErrorResponse} on failure, with AWS's codes:
 * <ul>
 *   <li>400 {@code InvalidIdentityToken}: not a JWT, unsigned, signature not from the provider's JWKS, no provider
 *       for the token's {@code iss} ("No OpenIDConnect provider found in your account for …"), audience not among
 *       the provider's client ids ("Incorrect token audience");</li>
 *   <li>400 {@code ExpiredTokenException}: the token's {@code exp} has passed;</li>
 *   <li>403 {@code AccessDenied}: the role does not exist or its trust policy does not admit the token's
 *       {@code sub}/{@code aud} — AWS answers both the same way ("Not authorized to perform
 *       sts:AssumeRoleWithWebIdentity");</li>
 *   <li>403 {@code IDPRejectedClaim}: the provider's token has no {@code sub} claim;</li>
 *   <li>400 {@code MissingParameter} / {@code ValidationError}: a parameter is missing or out of range.</li>
 * </ul>
 * Sessions become keys of the role's store user in the S3 stand-in until they expire.
 */
public final class AwsStsStandIn implements AutoCloseable {

    static final String XMLNS = "https://sts.amazonaws.com/doc/2011-06-15/";
    private static final Duration DEFAULT_DURATION = Duration.ofHours(1);

    private final StsDirectory directory;
    private final TokenCheck tokens;
    private final SessionIssuer sessions;
    private final StsHttp http;
    private final AtomicLong requests = new AtomicLong();

    private AwsStsStandIn(StsDirectory directory, S3StoreStandIn store, Clock clock) {
        this.directory = directory;
        this.tokens = new TokenCheck(clock);
        this.sessions = new SessionIssuer(store, clock);
        this.http = new StsHttp("aws-sts", this::answer);
    }

    /** Starts on a free port of 127.0.0.1. */
    public static AwsStsStandIn start(StsDirectory directory, S3StoreStandIn store, Clock clock) {
        return new AwsStsStandIn(directory, store, clock);
    }

    /** The endpoint, e.g. {@code http://127.0.0.1:41234}. */
    public URI endpoint() {
        return http.endpoint();
    }

    /** Every session from now on lasts {@code lifetime}, whatever {@code DurationSeconds} asks (tests of expiry). */
    public void shortenSessions(Duration lifetime) {
        sessions.shortenLifetime(lifetime);
    }

    /** The sessions handed out so far (for tests that scan outputs for their secrets). */
    public List<IssuedSession> issued() {
        return sessions.issued();
    }

    /** Requests answered so far. */
    public long requestCount() {
        return requests.get();
    }

    StsHttp.Reply answer(Map<String, String> params) {
        requests.incrementAndGet();
        String action = params.get("Action");
        if (!"AssumeRoleWithWebIdentity".equals(action)) {
            return error(
                    400,
                    "Sender",
                    "InvalidAction",
                    "Could not find operation " + action + " for version " + params.get("Version"));
        }
        for (String required : List.of("RoleArn", "RoleSessionName", "WebIdentityToken")) {
            String value = params.get(required);
            if (value == null || value.isEmpty()) {
                return error(400, "Sender", "MissingParameter", "The request must contain the parameter " + required);
            }
        }
        Duration duration = DEFAULT_DURATION;
        if (params.containsKey("DurationSeconds")) {
            try {
                duration = Duration.ofSeconds(Long.parseLong(params.get("DurationSeconds")));
            } catch (NumberFormatException e) {
                return error(400, "Sender", "ValidationError", "Value for DurationSeconds is not a number");
            }
            if (duration.getSeconds() < 900 || duration.getSeconds() > 43200) {
                return error(
                        400,
                        "Sender",
                        "ValidationError",
                        "1 validation error detected: Value '"
                                + duration.getSeconds()
                                + "' at 'durationSeconds' failed to satisfy constraint: Member must"
                                + " have value between 900 and 43200");
            }
        }
        String token = params.get("WebIdentityToken");
        Optional<String> issuer = TokenCheck.unverifiedIssuer(token);
        if (issuer.isEmpty()) {
            return error(
                    400,
                    "Sender",
                    "InvalidIdentityToken",
                    "The ID Token provided is not a valid JWT. (You may"
                            + " see this error if you sent an Access Token)");
        }
        Optional<OidcProvider> provider = directory.providerForIssuer(issuer.get());
        if (provider.isEmpty()) {
            return error(
                    400,
                    "Sender",
                    "InvalidIdentityToken",
                    "No OpenIDConnect provider found in your account for " + issuer.get());
        }
        TokenCheck.Result result = tokens.check(token, provider.get());
        if (result instanceof TokenCheck.Invalid invalid) {
            return switch (invalid.problem()) {
                case EXPIRED -> error(400, "Sender", "ExpiredTokenException", "Token expired: " + invalid.detail());
                case AUDIENCE -> error(400, "Sender", "InvalidIdentityToken", "Incorrect token audience");
                case UNSIGNED -> error(400, "Sender", "InvalidIdentityToken", "The ID Token provided is not signed");
                case BAD_SIGNATURE ->
                    error(
                            400,
                            "Sender",
                            "InvalidIdentityToken",
                            "Couldn't verify the signature of the ID Token with the keys of "
                                    + provider.get().issuerUrl());
                default -> error(400, "Sender", "InvalidIdentityToken", "The ID Token provided is not a valid JWT");
            };
        }
        TokenCheck.Valid valid = (TokenCheck.Valid) result;
        if (valid.subject() == null || valid.subject().isEmpty()) {
            return error(403, "Sender", "IDPRejectedClaim", "Missing sub claim in the ID Token");
        }
        Optional<StsRole> role = directory.role(params.get("RoleArn"));
        if (role.isEmpty() || !role.get().trust().admits(provider.get().arn(), valid.subject(), valid.audiences())) {
            return error(403, "Sender", "AccessDenied", "Not authorized to perform sts:AssumeRoleWithWebIdentity");
        }
        IssuedSession session = sessions.issue(role.get(), params.get("RoleSessionName"), duration, "ASIA", 16);
        return new StsHttp.Reply(200, "text/xml", success(role.get(), session, valid, provider.get()));
    }

    private static String success(StsRole role, IssuedSession session, TokenCheck.Valid token, OidcProvider provider) {
        String expiration =
                DateTimeFormatter.ISO_INSTANT.format(session.expiration().truncatedTo(ChronoUnit.SECONDS));
        return "<AssumeRoleWithWebIdentityResponse xmlns=\"" + XMLNS + "\">\n"
                + "  <AssumeRoleWithWebIdentityResult>\n"
                + "    <SubjectFromWebIdentityToken>" + Xml.escape(token.subject()) + "</SubjectFromWebIdentityToken>\n"
                + "    <Audience>"
                + Xml.escape(
                        token.audiences().isEmpty() ? "" : token.audiences().get(0))
                + "</Audience>\n"
                + "    <AssumedRoleUser>\n"
                + "      <Arn>arn:aws:sts::" + role.account() + ":assumed-role/" + Xml.escape(role.name()) + "/"
                + Xml.escape(session.sessionName()) + "</Arn>\n"
                + "      <AssumedRoleId>AROA"
                + Long.toHexString(role.arn().hashCode() & 0xffffffffL).toUpperCase()
                + ":" + Xml.escape(session.sessionName()) + "</AssumedRoleId>\n"
                + "    </AssumedRoleUser>\n"
                + "    <Credentials>\n"
                + "      <SessionToken>" + session.sessionToken().reveal() + "</SessionToken>\n"
                + "      <SecretAccessKey>" + session.credential().secret().reveal() + "</SecretAccessKey>\n"
                + "      <Expiration>" + expiration + "</Expiration>\n"
                + "      <AccessKeyId>" + session.credential().accessKeyId() + "</AccessKeyId>\n"
                + "    </Credentials>\n"
                + "    <Provider>" + Xml.escape(provider.arn()) + "</Provider>\n"
                + "  </AssumeRoleWithWebIdentityResult>\n"
                + "  <ResponseMetadata>\n"
                + "    <RequestId>" + UUID.randomUUID() + "</RequestId>\n"
                + "  </ResponseMetadata>\n"
                + "</AssumeRoleWithWebIdentityResponse>\n";
    }

    private static StsHttp.Reply error(int status, String type, String code, String message) {
        return new StsHttp.Reply(
                status,
                "text/xml",
                "<ErrorResponse xmlns=\"" + XMLNS + "\">\n"
                        + "  <Error>\n"
                        + "    <Type>" + type + "</Type>\n"
                        + "    <Code>" + code + "</Code>\n"
                        + "    <Message>" + Xml.escape(message) + "</Message>\n"
                        + "  </Error>\n"
                        + "  <RequestId>" + UUID.randomUUID() + "</RequestId>\n"
                        + "</ErrorResponse>\n");
    }

    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "AwsStsStandIn[" + endpoint() + "]";
    }
}
