package dev.credrift.sandbox.s3;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.gaul.s3proxy.AccessGrant;
import org.gaul.s3proxy.BlobStoreLocator;
import org.gaul.s3proxy.S3ErrorCode;
import org.gaul.s3proxy.S3ProxyException;
import org.gaul.s3proxy.blobstore.BlobStore;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Resolves the access key of every signed request against the live identity map. S3Proxy answers
 * {@code InvalidAccessKeyId} when this returns {@code null}, and checks the signature against the secret
 * in the grant ({@code SignatureDoesNotMatch}); suspension and bucket permission are refused after that.
 */
final class UserBlobStoreLocator implements BlobStoreLocator {

    static final String USER_SUSPENDED = "UserSuspended";
    static final String ACCESS_DENIED = "AccessDenied";
    static final String EXPIRED_TOKEN = "ExpiredToken";
    static final String INVALID_TOKEN = "InvalidToken";

    private final StoreUsers users;
    private final BlobStore shared;
    private final Consumer<StoreCall> recorder;
    private final AtomicLong signedRequests = new AtomicLong();
    private final Clock clock;

    UserBlobStoreLocator(StoreUsers users, BlobStore shared, Consumer<StoreCall> recorder) {
        this(users, shared, recorder, Clock.systemUTC());
    }

    UserBlobStoreLocator(StoreUsers users, BlobStore shared, Consumer<StoreCall> recorder, Clock clock) {
        this.clock = clock;
        this.users = users;
        this.shared = shared;
        this.recorder = recorder;
    }

    @Override
    public AccessGrant locateBlobStore(String identity, String container, String blob) {
        signedRequests.incrementAndGet();
        return users.lookup(identity)
                .map(key -> {
                    StoreUsers.UserState state = users.user(key.user()).orElseThrow();
                    String refusalCode = null;
                    Supplier<RuntimeException> refusal = null;
                    if (users.sessionToken(identity).isPresent()
                            && !sessionTokenMatches(
                                    users.sessionToken(identity).get().reveal())) {
                        // a temporary key without its session token, or with another session's
                        refusalCode = INVALID_TOKEN;
                        refusal = UserBlobStoreLocator::invalidToken;
                    } else if (users.expiry(identity)
                            .filter(at -> !clock.instant().isBefore(at))
                            .isPresent()) {
                        // S3's answer to a request signed with an expired session's key
                        refusalCode = EXPIRED_TOKEN;
                        refusal = UserBlobStoreLocator::expiredToken;
                    } else if (state.suspended()) {
                        refusalCode = USER_SUSPENDED;
                        refusal = UserBlobStoreLocator::userSuspended;
                    } else if (!state.mayUse(container)) {
                        refusalCode = ACCESS_DENIED;
                        refusal = () -> new S3ProxyException(S3ErrorCode.ACCESS_DENIED);
                    }
                    BlobStore view = new UserBlobStore(shared, key.user(), container, refusalCode, refusal, recorder);
                    // S3Proxy needs the secret itself to recompute the signature
                    return new AccessGrant(key.credential().secret().reveal(), view);
                })
                .orElse(null);
    }

    long signedRequests() {
        return signedRequests.get();
    }

    // the token S3Proxy does not read, handed over by SessionTokenCapture; constant-time, it is a secret
    private static boolean sessionTokenMatches(String expected) {
        return SessionTokenCapture.current()
                .map(token -> MessageDigest.isEqual(
                        token.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8)))
                .orElse(false);
    }

    private static RuntimeException invalidToken() {
        return S3Exception.builder()
                .statusCode(400)
                .message("The provided token is malformed or otherwise invalid.")
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode(INVALID_TOKEN)
                        .errorMessage("")
                        .build())
                .build();
    }

    private static RuntimeException expiredToken() {
        return S3Exception.builder()
                .statusCode(400)
                .message("The provided token has expired.")
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode(EXPIRED_TOKEN)
                        .errorMessage("")
                        .build())
                .build();
    }

    // S3Proxy has no UserSuspended code of its own; it renders any AWS service error it is handed
    private static RuntimeException userSuspended() {
        return S3Exception.builder()
                .statusCode(403)
                .message("The user is suspended.")
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode(USER_SUSPENDED)
                        .errorMessage("")
                        .build())
                .build();
    }
}
