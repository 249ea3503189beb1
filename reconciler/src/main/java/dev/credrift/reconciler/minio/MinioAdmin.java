package dev.credrift.reconciler.minio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.credrift.events.credential.AccessKeyMask;
import dev.credrift.events.credential.Credential;
import dev.credrift.events.credential.SecretValue;
import dev.credrift.reconciler.minio.MinioAdminException.Kind;
import dev.credrift.reconciler.probe.tls.ProbeTls;
import io.minio.admin.ListServiceAccountResp;
import io.minio.admin.MinioAdminClient;
import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.bouncycastle.crypto.InvalidCipherTextException;

/**
 * One MinIO server's admin API as the admin credential sees it, over minio-admin's {@code MinioAdminClient} (SigV4
 * signed with the admin credential; bodies encrypted with the admin secret). {@link #ensure} lists the admin's service
 * accounts first and adds one only when its access key is not listed: idempotent, and never overwriting an existing
 * account's secret.
 *
 * <p>Blocking; callers run it on a worker thread behind the store-admin guard. Close it to drop its connections.
 */
public final class MinioAdmin implements AutoCloseable {

    /** MinIO accepts any region; minio-java signs custom endpoints with this one. */
    public static final String DEFAULT_REGION = "us-east-1";

    private static final Pattern ERROR_CODE = Pattern.compile("\"Code\"\\s*:\\s*\"([A-Za-z0-9_.-]{1,64})\"");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCESS_KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final int ACCESS_KEY_LENGTH = 20;
    // 30 random bytes are 40 base64url characters: MinIO's longest secret
    private static final int SECRET_BYTES = 30;

    private final URI endpoint;
    private final String adminUser;
    private final MinioAdminClient client;
    private final OkHttpClient http;

    private MinioAdmin(URI endpoint, String adminUser, MinioAdminClient client, OkHttpClient http) {
        this.endpoint = endpoint;
        this.adminUser = adminUser;
        this.client = client;
        this.http = http;
    }

    /** What {@link #ensure} found or did. */
    public enum Ensured {
        /** The service account was added with the given keys. */
        CREATED,
        /** The admin's service accounts already list the access key; nothing was added (its secret is unknown). */
        ALREADY_LISTED
    }

    /**
     * @param endpoint the MinIO API endpoint ({@code http(s)://host[:port]})
     * @param admin    the admin (root) credential
     * @param tls      how to trust an {@code https} endpoint
     * @param timeout  the longest one admin call may take
     */
    public static MinioAdmin connect(URI endpoint, Credential admin, ProbeTls tls, String region, Duration timeout) {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(admin, "admin");
        HttpUrl url = HttpUrl.parse(endpoint.toString());
        if (url == null) {
            throw new MinioAdminException(
                    Kind.REFUSED, null, "spec.source.minio.endpoint '" + endpoint + "' is not an http(s) URL");
        }
        OkHttpClient http = StoreAdminHttp.client(url, tls, timeout);
        MinioAdminClient client = MinioAdminClient.builder()
                .endpoint(url)
                .region(region == null || region.isBlank() ? DEFAULT_REGION : region)
                // the one place the admin secret leaves its wrapper: minio-admin signs and encrypts with it
                .credentials(admin.accessKeyId(), admin.secret().reveal())
                .httpClient(http)
                .build();
        return new MinioAdmin(endpoint, admin.accessKeyId(), client, http);
    }

    /**
     * Makes sure a service account with {@code account}'s access key exists: lists the admin's service accounts,
     * and adds it with exactly these keys (and the canned policy, if named) when it is not listed.
     *
     * @param policy a canned policy's name whose document becomes the account's inline policy; empty inherits the
     *               admin's policies
     */
    public Ensured ensure(Credential account, Optional<String> policy) {
        if (listed(account.accessKeyId())) {
            return Ensured.ALREADY_LISTED;
        }
        Map<String, Object> document = policy.map(this::cannedPolicy).orElse(null);
        try {
            client.addServiceAccount(
                    account.accessKeyId(),
                    account.secret().reveal(),
                    null,
                    document,
                    null,
                    "created by credrift (story 2: the vault is the authority)",
                    null);
            return Ensured.CREATED;
        } catch (Exception e) {
            MinioAdminException failure = failure("add service account " + account.maskedAccessKeyId(), e);
            // someone added it between our list and our add: it exists, which is all ensure promises
            if (failure.kind() == Kind.ACCOUNT_EXISTS) {
                return Ensured.ALREADY_LISTED;
            }
            throw failure;
        }
    }

    /** What {@link #delete} found or did. */
    public enum Deleted {
        /** The service account was listed and is deleted now. */
        DELETED,
        /** It was not listed (deleted before, e.g. by a run that crashed right after): nothing to do. */
        ALREADY_ABSENT
    }

    /**
     * A fresh service-account key for rotation: 20 upper-case letters and digits like MinIO's generated access keys,
     * and a 40-character secret (MinIO's limit). The caller journals the access key before {@link #ensure}, so a
     * crash between the two is resumed by looking it up instead of minting another.
     */
    public static Credential newServiceAccountKey(SecureRandom random) {
        StringBuilder accessKey = new StringBuilder(ACCESS_KEY_LENGTH);
        for (int i = 0; i < ACCESS_KEY_LENGTH; i++) {
            accessKey.append(ACCESS_KEY_ALPHABET.charAt(random.nextInt(ACCESS_KEY_ALPHABET.length())));
        }
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        return new Credential(
                accessKey.toString(),
                SecretValue.of(Base64.getUrlEncoder().withoutPadding().encodeToString(secret)));
    }

    /**
     * Deletes the service account with this access key (the old key of a rotation): lists first, so deleting twice
     * is harmless. The very next request signed with it is refused.
     */
    public Deleted delete(String accessKey) {
        if (!listed(accessKey)) {
            return Deleted.ALREADY_ABSENT;
        }
        try {
            client.deleteServiceAccount(accessKey);
            return Deleted.DELETED;
        } catch (Exception e) {
            MinioAdminException failure = failure("delete service account " + AccessKeyMask.mask(accessKey), e);
            // someone deleted it between our list and our delete: it is gone, which is all delete promises
            if ("XMinioAdminServiceAccountNotFound".equals(failure.code())) {
                return Deleted.ALREADY_ABSENT;
            }
            throw failure;
        }
    }

    /** Whether the admin's service accounts list this access key. */
    public boolean listed(String accessKey) {
        ListServiceAccountResp listed;
        try {
            listed = client.listServiceAccount(adminUser);
        } catch (Exception e) {
            throw failure("list service accounts", e);
        }
        List<ListServiceAccountResp.ListServiceAccountInfo> accounts =
                listed == null || listed.accounts() == null ? List.of() : listed.accounts();
        return accounts.stream().anyMatch(a -> accessKey.equals(a.accessKey()));
    }

    private Map<String, Object> cannedPolicy(String name) {
        Map<String, String> policies;
        try {
            policies = client.listCannedPolicies();
        } catch (Exception e) {
            throw failure("list canned policies", e);
        }
        String document = policies == null ? null : policies.get(name);
        if (document == null) {
            throw new MinioAdminException(
                    Kind.UNKNOWN_POLICY,
                    null,
                    "MinIO at " + endpoint + " has no canned policy '" + name + "' (spec.source.minio.policy)");
        }
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> parsed = JSON.readValue(document, Map.class);
            return parsed;
        } catch (JsonProcessingException e) {
            throw new MinioAdminException(
                    Kind.BAD_RESPONSE,
                    null,
                    "MinIO at " + endpoint + ": canned policy '" + name + "' is not a JSON object");
        }
    }

    /** A failure of minio-admin as a typed, safe one. */
    MinioAdminException failure(String operation, Exception e) {
        String where = "MinIO admin API at " + endpoint + ": " + operation;
        if (e instanceof MinioAdminException typed) {
            return typed;
        }
        if (e instanceof InvalidCipherTextException) {
            return new MinioAdminException(
                    Kind.BAD_RESPONSE, null, where + ": the answer cannot be decrypted with the" + " admin secret");
        }
        if (e instanceof JsonProcessingException) {
            return new MinioAdminException(Kind.BAD_RESPONSE, null, where + ": the answer is not the expected JSON");
        }
        if (e instanceof IOException) {
            return new MinioAdminException(
                    Kind.UNREACHABLE,
                    null,
                    where + ": not reached (" + e.getClass().getSimpleName() + ")");
        }
        if (e instanceof GeneralSecurityException) {
            return new MinioAdminException(
                    Kind.REFUSED,
                    null,
                    where + ": the request cannot be signed (" + e.getClass().getSimpleName() + ")");
        }
        // minio-admin throws RuntimeException("Request failed with response: " + body): take MinIO's code only
        String message = e.getMessage() == null ? "" : e.getMessage();
        Matcher code = ERROR_CODE.matcher(message);
        if (!message.startsWith("Request failed with response") || !code.find()) {
            return new MinioAdminException(
                    Kind.BAD_RESPONSE, null, where + ": failed (" + e.getClass().getSimpleName() + ")");
        }
        return byCode(where, code.group(1));
    }

    static MinioAdminException byCode(String where, String code) {
        Kind kind = switch (code) {
            case "InvalidAccessKeyId", "SignatureDoesNotMatch", "XMinioAdminSignatureMismatch" ->
                Kind.ADMIN_CREDENTIAL_REJECTED;
            case "AccessDenied" -> Kind.ADMIN_NOT_PERMITTED;
            case "XMinioAdminServiceAccountExists", "XMinioIAMServiceAccountExists" -> Kind.ACCOUNT_EXISTS;
            case "XMinioServerNotInitialized",
                    "SlowDown",
                    "SlowDownRead",
                    "SlowDownWrite",
                    "InternalError",
                    "ServiceUnavailable",
                    "XMinioAdminIAMNotInitialized" -> Kind.UNAVAILABLE;
            default -> Kind.REFUSED;
        };
        String why = switch (kind) {
            case ADMIN_CREDENTIAL_REJECTED ->
                ": MinIO does not accept the admin credential of" + " spec.source.minio.adminSecretRef";
            case ADMIN_NOT_PERMITTED -> ": the admin credential may not manage service accounts";
            case UNAVAILABLE -> ": MinIO is not ready or busy";
            default -> "";
        };
        return new MinioAdminException(kind, code, where + " answered " + code + why);
    }

    @Override
    public void close() {
        StoreAdminHttp.close(http);
    }

    @Override
    public String toString() {
        return "MinioAdmin[" + endpoint + "]";
    }
}
