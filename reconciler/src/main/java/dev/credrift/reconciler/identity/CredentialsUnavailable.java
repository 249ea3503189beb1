package dev.credrift.reconciler.identity;

/** credrift's own store credentials cannot be had right now; the message names files, variables and codes only. */
public final class CredentialsUnavailable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CredentialsUnavailable(String message) {
        super(message, null, false, false);
    }
}
