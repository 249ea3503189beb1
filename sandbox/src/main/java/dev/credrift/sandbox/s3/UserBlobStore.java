package dev.credrift.sandbox.s3;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;

/**
 * The shared blob store as one authenticated request sees it. S3Proxy checks the signature before it
 * touches the blob store, so refusing here (rather than in the locator) answers {@code UserSuspended}
 * or {@code AccessDenied} only to a correctly signed request, in that order, as RGW does.
 *
 * <p>{@link ForwardingBlobStore} routes every operation through {@link #delegate()}, which makes it the
 * one place to record and refuse; S3Proxy also unwraps {@code delegate()} to learn the backend type.
 */
final class UserBlobStore extends ForwardingBlobStore {

    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private final String user;
    private final String bucket;
    private final Optional<Supplier<RuntimeException>> refusal;
    private final String refusalCode;
    private final Consumer<StoreCall> recorder;

    UserBlobStore(
            BlobStore shared,
            String user,
            String bucket,
            String refusalCode,
            Supplier<RuntimeException> refusal,
            Consumer<StoreCall> recorder) {
        super(shared);
        this.user = user;
        this.bucket = bucket;
        this.refusalCode = refusalCode;
        this.refusal = Optional.ofNullable(refusal);
        this.recorder = recorder;
    }

    @Override
    public BlobStore delegate() {
        // S3Proxy itself calls delegate() to learn the backend type: that is no operation
        callingOperation().ifPresent(operation -> recorder.accept(new StoreCall(user, bucket, operation, refusalCode)));
        if (refusal.isPresent()) {
            throw refusal.get().get();
        }
        return super.delegate();
    }

    private static Optional<String> callingOperation() {
        return WALKER.walk(frames -> frames.filter(frame -> frame.getDeclaringClass() != UserBlobStore.class)
                .findFirst()
                .filter(frame -> frame.getDeclaringClass() == ForwardingBlobStore.class)
                .map(StackWalker.StackFrame::getMethodName));
    }
}
