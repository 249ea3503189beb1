package dev.credrift.connect;

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
import java.util.Arrays;
import java.util.Objects;

/**
 * A bearer token read from a file (a mounted Secret) and read again whenever the file changes: Kubernetes swaps the
 * {@code ..data} symlink on update, which changes the file key and mtime; a plain rewrite changes mtime or size. A
 * 401 should force a re-read ({@link #reload()}), for a change within one mtime tick. Problems name the file, never
 * its content; they are the client's typed {@link ConnectException.TokenUnavailable}.
 */
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
        if (token == null
                || !Objects.equals(attributes.fileKey(), fileKey)
                || !attributes.lastModifiedTime().equals(modified)
                || attributes.size() != size) {
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
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(bytes))
                    .toString()
                    .strip();
            Arrays.fill(bytes, (byte) 0);
        } catch (CharacterCodingException e) {
            throw unreadable("is not UTF-8 text");
        } catch (NoSuchFileException e) {
            throw unreadable("does not exist");
        } catch (IOException e) {
            throw unreadable("cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (text.isEmpty()) {
            throw unreadable("is empty");
        }
        if (text.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw unreadable("must hold one token without whitespace or control characters");
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
            throw unreadable("does not exist");
        } catch (IOException e) {
            throw unreadable("cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    // the problem names the file, never its content
    private ConnectException.TokenUnavailable unreadable(String problem) {
        return new ConnectException.TokenUnavailable(file, problem, null);
    }
}
