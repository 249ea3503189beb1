package dev.credrift.reconciler.identity;

import io.minio.credentials.Credentials;

/** One way credrift can get its own store credentials; a {@link CredentialChain} uses the first configured one. */
public interface CredentialLink {

    /** For logs: {@code static}, {@code environment}, {@code aws-web-identity}, {@code alibaba-rrsa}. */
    String name();

    /** Whether its settings (environment variables, a static key) are present. */
    boolean configured();

    /**
     * Current credentials; a refreshing link refreshes here when they are about to expire.
     *
     * @throws CredentialsUnavailable when there are none to give
     */
    Credentials fetch();
}
