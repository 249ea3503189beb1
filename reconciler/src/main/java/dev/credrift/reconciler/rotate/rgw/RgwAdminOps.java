package dev.credrift.reconciler.rotate.rgw;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.credrift.events.credential.AccessKeyMask;
import dev.credrift.events.credential.Credential;
import dev.credrift.events.credential.SecretValue;
import dev.credrift.reconciler.minio.StoreAdminHttp;
import dev.credrift.reconciler.probe.tls.ProbeTls;
import dev.credrift.reconciler.rotate.rgw.RgwAdminException.Kind;
import io.minio.Digest;
import io.minio.Signer;
import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * One RGW's Admin Ops API as an admin credential (caps {@code users=*}) sees it: a user's S3 keys, minting a second
 * key, revoking one. Requests are SigV4-signed exactly like S3 requests (service {@code s3}).
 *
 * <p>Blocking; callers run it on a worker thread. Every answer that carries secrets is parsed at once into
 * {@link Credential}s; nothing in it reaches a message. Close it to drop its connections.
 */
public final class RgwAdminOps implements AutoCloseable {

    /** RGW accepts the region of its zonegroup's API name or {@code us-east-1} for the default zonegroup. */
    public static final String DEFAULT_REGION = "us-east-1";

    private static final Pattern UID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._$-]{0,127}");
    private static final Pattern ERROR_CODE =
            Pattern.compile("\"Code\"\\s*:\\s*\"([A-Za-z0-9_.-]{1,64})\"|<Code>([A-Za-z0-9_.-]{1,64})</Code>");
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.US).withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpUrl base;
    private final Credential admin;
    private final String region;
    private final OkHttpClient http;
    private final Clock clock;

    private RgwAdminOps(HttpUrl base, Credential admin, String region, OkHttpClient http, Clock clock) {
        this.base = base;
        this.admin = admin;
        this.region = region;
        this.http = http;
        this.clock = clock;
    }

    /** A key that {@link #mint} added, and the keys the user held before it (ids only). */
    public record Minted(Credential key, Set<String> before) {}

    /** What {@link #revoke} found or did. */
    public enum Revoked {
        /** The key was listed and is gone now. */
        REVOKED,
        /** The key was not listed (revoked before, e.g. by a run that crashed after revoking): nothing to do. */
        ALREADY_ABSENT
    }

    /**
     * @param endpoint the RGW endpoint ({@code http(s)://host[:port]}), the one S3 clients use
     * @param admin    a credential of a user with caps {@code users=*}
     * @param tls      how to trust an {@code https} endpoint
     * @param region   the SigV4 region; blank means {@link #DEFAULT_REGION}
     * @param timeout  the longest one call may take
     */
    public static RgwAdminOps connect(
            URI endpoint, Credential admin, ProbeTls tls, String region, Duration timeout, Clock clock) {
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(clock, "clock");
        HttpUrl url = endpoint == null ? null : HttpUrl.parse(endpoint.toString());
        if (url == null) {
            throw new RgwAdminException(Kind.REFUSED, null, "RGW endpoint '" + endpoint + "' is not an http(s) URL");
        }
        return new RgwAdminOps(
                url,
                admin,
                region == null || region.isBlank() ? DEFAULT_REGION : region,
                StoreAdminHttp.client(url, tls, timeout),
                clock);
    }

    /** The user's own S3 keys (subusers' keys left out), sorted by access key as RGW lists them. */
    public List<Credential> keys(String uid) {
        HttpUrl url = userUrl(uid).build();
        return parseKeys(call("list keys of user " + uid, "GET", url), uid, "list keys of user " + uid);
    }

    /**
     * Adds a generated S3 key to the user; the user's other keys stay valid. Not idempotent: callers journal the
     * intent first and, on resume, look for a key that is not in {@link Minted#before()} instead of minting again.
     */
    public Minted mint(String uid) {
        String operation = "mint a key for user " + uid;
        Set<String> before = keys(uid).stream().map(Credential::accessKeyId).collect(Collectors.toUnmodifiableSet());
        HttpUrl url = userUrl(uid)
                .addQueryParameter("key", null)
                .addQueryParameter("key-type", "s3")
                .addQueryParameter("generate-key", "true")
                .build();
        // RGW answers with every S3 key of the user; the new one is the one that was not there before
        List<Credential> after = parseKeys(call(operation, "PUT", url), uid, operation);
        List<Credential> added =
                after.stream().filter(k -> !before.contains(k.accessKeyId())).toList();
        if (added.size() != 1) {
            throw new RgwAdminException(
                    Kind.BAD_RESPONSE, null, where(operation) + ": expected one new key, found " + added.size());
        }
        return new Minted(added.get(0), before);
    }

    /** Removes one S3 key; the very next request signed with it gets {@code InvalidAccessKeyId}. Idempotent. */
    public Revoked revoke(String uid, String accessKeyId) {
        String masked = AccessKeyMask.mask(accessKeyId).toString();
        String operation = "revoke key " + masked + " of user " + uid;
        if (keys(uid).stream().noneMatch(k -> k.accessKeyId().equals(accessKeyId))) {
            return Revoked.ALREADY_ABSENT;
        }
        HttpUrl url = userUrl(uid)
                .addQueryParameter("key", null)
                .addQueryParameter("key-type", "s3")
                .addQueryParameter("access-key", accessKeyId)
                .build();
        call(operation, "DELETE", url);
        if (keys(uid).stream().anyMatch(k -> k.accessKeyId().equals(accessKeyId))) {
            throw new RgwAdminException(Kind.BAD_RESPONSE, null, where(operation) + ": the key is still listed");
        }
        return Revoked.REVOKED;
    }

    private HttpUrl.Builder userUrl(String uid) {
        if (uid == null || !UID.matcher(uid).matches()) {
            throw new IllegalArgumentException(
                    "RGW uid: must be 1-128 of [A-Za-z0-9._$-] starting with a letter or" + " digit");
        }
        return base.newBuilder()
                .addPathSegments("admin/user")
                .addQueryParameter("format", "json")
                .addQueryParameter("uid", uid);
    }

    private String call(String operation, String method, HttpUrl url) {
        Request request;
        try {
            String host = url.port() == HttpUrl.defaultPort(url.scheme()) ? url.host() : url.host() + ":" + url.port();
            Request unsigned = new Request.Builder()
                    .url(url)
                    .method(method, "GET".equals(method) ? null : RequestBody.create(new byte[0]))
                    .header("Host", host)
                    .header("x-amz-date", AMZ_DATE.format(clock.instant()))
                    .header("x-amz-content-sha256", Digest.ZERO_SHA256_HASH)
                    .build();
            // the one place the admin secret leaves its wrapper: the signer needs it
            request = Signer.signV4S3(
                    unsigned, region, admin.accessKeyId(), admin.secret().reveal(), Digest.ZERO_SHA256_HASH);
        } catch (GeneralSecurityException e) {
            throw new RgwAdminException(
                    Kind.REFUSED,
                    null,
                    where(operation) + ": the request cannot be signed ("
                            + e.getClass().getSimpleName() + ")");
        }
        try (Response response = http.newCall(request).execute()) {
            String body = body(response.body());
            if (response.isSuccessful()) {
                return body;
            }
            throw byAnswer(where(operation), response.code(), body);
        } catch (IOException e) {
            throw new RgwAdminException(
                    Kind.UNREACHABLE,
                    null,
                    where(operation) + ": not reached (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static String body(ResponseBody body) throws IOException {
        // Admin Ops answers are small JSON documents
        return body == null ? "" : body.string();
    }

    /** A refusal as a typed, safe exception: RGW's error code and the status, never the body. */
    static RgwAdminException byAnswer(String where, int status, String body) {
        Matcher matcher = ERROR_CODE.matcher(body == null ? "" : body);
        String code = matcher.find() ? (matcher.group(1) != null ? matcher.group(1) : matcher.group(2)) : null;
        Kind kind;
        if (code == null) {
            kind = status >= 500 ? Kind.UNAVAILABLE : Kind.BAD_RESPONSE;
        } else {
            kind = switch (code) {
                case "InvalidAccessKeyId", "SignatureDoesNotMatch", "UserSuspended" -> Kind.ADMIN_CREDENTIAL_REJECTED;
                case "AccessDenied" -> Kind.ADMIN_NOT_PERMITTED;
                case "NoSuchUser" -> Kind.NO_SUCH_USER;
                case "ServiceUnavailable", "SlowDown", "InternalError", "RequestTimeout" -> Kind.UNAVAILABLE;
                default -> status >= 500 ? Kind.UNAVAILABLE : Kind.REFUSED;
            };
        }
        String why = switch (kind) {
            case ADMIN_CREDENTIAL_REJECTED ->
                ": RGW does not accept the admin credential of" + " spec.rotation.adminSecretRef";
            case ADMIN_NOT_PERMITTED -> ": the admin credential lacks the users=* cap";
            case UNAVAILABLE -> ": RGW is busy or failing";
            default -> "";
        };
        return new RgwAdminException(
                kind, code, where + " answered HTTP " + status + (code == null ? "" : " " + code) + why);
    }

    private List<Credential> parseKeys(String body, String uid, String operation) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new RgwAdminException(Kind.BAD_RESPONSE, null, where(operation) + ": the answer is not JSON");
        }
        // user info answers {"keys": [...]}; key create answers the array itself
        JsonNode keys = root != null && root.isArray() ? root : root == null ? null : root.get("keys");
        if (keys == null || !keys.isArray()) {
            throw new RgwAdminException(Kind.BAD_RESPONSE, null, where(operation) + ": the answer lists no keys");
        }
        List<Credential> parsed = new ArrayList<>();
        for (JsonNode key : keys) {
            String user = key.path("user").asText("");
            String accessKey = key.path("access_key").asText("");
            String secret = key.path("secret_key").asText("");
            if (accessKey.isEmpty() || secret.isEmpty()) {
                throw new RgwAdminException(
                        Kind.BAD_RESPONSE, null, where(operation) + ": a listed key has no" + " access or secret key");
            }
            // "uid:subuser" keys belong to a Swift/S3 subuser, not to the user rotation is about
            if (user.equals(uid) || user.isEmpty()) {
                parsed.add(new Credential(accessKey, SecretValue.of(secret)));
            }
        }
        return List.copyOf(parsed);
    }

    private String where(String operation) {
        return "RGW Admin Ops API at " + base.scheme() + "://" + base.host() + ":" + base.port() + ": " + operation;
    }

    @Override
    public void close() {
        StoreAdminHttp.close(http);
    }

    @Override
    public String toString() {
        return "RgwAdminOps[" + base.scheme() + "://" + base.host() + ":" + base.port() + " as "
                + AccessKeyMask.mask(admin.accessKeyId()) + "]";
    }
}
