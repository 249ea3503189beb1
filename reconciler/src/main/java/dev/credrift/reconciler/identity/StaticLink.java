package dev.credrift.reconciler.identity;

import dev.credrift.events.credential.Credential;
import io.minio.credentials.Credentials;
import java.util.Optional;

/** A key pair from credrift's configuration (a file or an environment variable reference). */
public final class StaticLink implements CredentialLink {

    private final Optional<Credential> credential;

    public StaticLink(Optional<Credential> credential) {
        this.credential = credential;
    }

    @Override
    public String name() {
        return "static";
    }

    @Override
    public boolean configured() {
        return credential.isPresent();
    }

    @Override
    public Credentials fetch() {
        Credential c = credential.orElseThrow(() -> new CredentialsUnavailable("no static store credential is"
                + " configured"));
        return new Credentials(c.accessKeyId(), c.secret().reveal(), null, null);
    }
}
