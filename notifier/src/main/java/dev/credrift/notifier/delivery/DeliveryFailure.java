package dev.credrift.notifier.delivery;

/** A failed attempt, as Resilience4j sees it; carries the {@link DeliveryError}. No stack trace: it is not a bug. */
public final class DeliveryFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient DeliveryError error;

    /** Wraps an error; the message is its code and detail. */
    public DeliveryFailure(DeliveryError error) {
        super(error.code() + ": " + error.detail(), null, false, false);
        this.error = error;
    }

    /** Why the attempt failed. */
    public DeliveryError error() {
        return error;
    }
}
