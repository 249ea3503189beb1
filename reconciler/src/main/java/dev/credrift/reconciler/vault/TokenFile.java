package dev.credrift.reconciler.vault;

import dev.credrift.events.credential.SecretValue;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;

// The Connect bearer token, read from a file (a mounted Secret) and read again whenever the file
// changes: Kubernetes swaps the ..data symlink on update, which changes the file key and mtime, and a
// plain rewrite changes mtime or size. A 401 forces a re-read too, for changes within one mtime tick.
final class TokenFile {

    private final Path file;
    private SecretValue token;
    private Object fileKey;
    private FileTime modified;
    private long size = -1;

    TokenFile(Path file) {
        this.file = Objects.requireNonNull(file, "tokenFile");
    }

    Path path() {
        return file;
    }

    /** The current token, re-read if the file changed since the last read. */
    synchronized SecretValue current() {
        BasicFileAttributes attributes = attributes();
        if (token == null || !Objects.equals(attributes.fileKey(), fileKey)
                || !attributes.lastModifiedTime().equals(modified) || attributes.size() != size) {
            load(attributes);
        }
        return token;
    }

    /** Reads the file again whatever its attributes say; true if the token changed. */
    synchronized boolean reload() {
        SecretValue before = token;
        load(attributes());
        return before == null || !before.equals(token);
    }

    private void load(BasicFileAttributes attributes) {
        String text;
        try {
            byte[] bytes = Files.readAllBytes(file);
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString().strip();
        } catch (CharacterCodingException e) {
            throw new ConnectException.TokenUnavailable(file, "is not UTF-8 text", null);
        } catch (NoSuchFileException e) {
            throw new ConnectException.TokenUnavailable(file, "does not exist", null);
        } catch (IOException e) {
            throw new ConnectException.TokenUnavailable(file, "cannot be read (" + e.getClass().getSimpleName() + ")", null);
        }
        if (text.isEmpty()) {
            throw new ConnectException.TokenUnavailable(file, "is empty", null);
        }
        if (text.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw new ConnectException.TokenUnavailable(file, "must hold one token without whitespace or control characters", null);
        }
        token = SecretValue.of(text);
        fileKey = attributes.fileKey();
        modified = attributes.lastModifiedTime();
        size = attributes.size();
    }

    private BasicFileAttributes attributes() {
        try {
            // follows symlinks: a projected Secret's file is a link into the current ..data directory
            return Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new ConnectException.TokenUnavailable(file, "does not exist", null);
        } catch (IOException e) {
            throw new ConnectException.TokenUnavailable(file, "cannot be read (" + e.getClass().getSimpleName() + ")", null);
        }
    }
}
