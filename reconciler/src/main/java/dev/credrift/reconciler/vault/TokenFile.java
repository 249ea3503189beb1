package dev.credrift.reconciler.vault;

import dev.credrift.events.credential.SecretValue;
import java.nio.file.Path;

// The shared token-file reader, its problems as the client's typed ConnectException.TokenUnavailable.
final class TokenFile {

    private final dev.credrift.api.secret.TokenFile file;

    TokenFile(Path file) {
        this.file = new dev.credrift.api.secret.TokenFile(file);
    }

    Path path() {
        return file.path();
    }

    /** The current token, re-read if the file changed since the last read. */
    SecretValue current() {
        try {
            return file.current();
        } catch (dev.credrift.api.secret.TokenFile.Unreadable e) {
            throw typed(e);
        }
    }

    /** Reads the file again whatever its attributes say; true if the token changed. */
    boolean reload() {
        try {
            return file.reload();
        } catch (dev.credrift.api.secret.TokenFile.Unreadable e) {
            throw typed(e);
        }
    }

    private static ConnectException.TokenUnavailable typed(dev.credrift.api.secret.TokenFile.Unreadable e) {
        return new ConnectException.TokenUnavailable(e.file(), e.problem(), null);
    }
}
