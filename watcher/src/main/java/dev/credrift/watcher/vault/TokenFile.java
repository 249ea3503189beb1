package dev.credrift.watcher.vault;

import dev.credrift.events.credential.SecretValue;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;

/**
 * The Connect bearer token, read from a file (a mounted Secret) and read again whenever the file changes: Kubernetes
 * swaps the {@code ..data} symlink on update, which changes the file key and mtime; a plain rewrite changes mtime or
 * size. A 401 forces a re-read too ({@link #reload()}), for a change within one mtime tick. Problems name the file,
 * never its content.
 */
final class TokenFile {

    /** The token cannot be used; the message names the file and what is wrong with it. */
    static final class Unavailable extends RuntimeException {
        Unavailable(Path file, String problem) {
            super("Connect token file " + file + " " + problem, null, false, false);
        }
    }

    private final Path file;
    private SecretValue token;
    private Object fileKey;
    private FileTime modified;
    private long size = -1;

    TokenFile(Path file) {
        this.file = Objects.requireNonNull(file, "tokenFile");
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

    /** Forgets the token, so the next {@link #current()} reads the file whatever its attributes say. */
    synchronized void reload() {
        token = null;
    }

    private void load(BasicFileAttributes attributes) {
        String text;
        try {
            byte[] bytes = Files.readAllBytes(file);
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString().strip();
            java.util.Arrays.fill(bytes, (byte) 0);
        } catch (CharacterCodingException e) {
            throw new Unavailable(file, "is not UTF-8 text");
        } catch (NoSuchFileException e) {
            throw new Unavailable(file, "does not exist");
        } catch (IOException e) {
            throw new Unavailable(file, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (text.isEmpty()) {
            throw new Unavailable(file, "is empty");
        }
        if (text.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw new Unavailable(file, "must hold one token without whitespace or control characters");
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
            throw new Unavailable(file, "does not exist");
        } catch (IOException e) {
            throw new Unavailable(file, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }
}
