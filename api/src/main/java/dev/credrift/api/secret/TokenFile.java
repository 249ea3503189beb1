package dev.credrift.api.secret;

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
 * its content.
 */
public final class TokenFile {

    /** The token cannot be used; {@link #problem()} says why, naming nothing of the content. */
    public static final class Unreadable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final transient Path file;
        private final String problem;

        Unreadable(Path file, String problem) {
            super("token file " + file + " " + problem, null, false, false);
            this.file = file;
            this.problem = problem;
        }

        public Path file() {
            return file;
        }

        /** e.g. {@code does not exist}, {@code is empty}. */
        public String problem() {
            return problem;
        }
    }

    private final Path file;
    private SecretValue token;
    private Object fileKey;
    private FileTime modified;
    private long size = -1;

    public TokenFile(Path file) {
        this.file = Objects.requireNonNull(file, "tokenFile");
    }

    public Path path() {
        return file;
    }

    /** The current token, re-read if the file changed since the last read. */
    public synchronized SecretValue current() {
        BasicFileAttributes attributes = attributes();
        if (token == null || !Objects.equals(attributes.fileKey(), fileKey)
                || !attributes.lastModifiedTime().equals(modified) || attributes.size() != size) {
            load(attributes);
        }
        return token;
    }

    /** Reads the file again whatever its attributes say; true if the token changed. */
    public synchronized boolean reload() {
        SecretValue before = token;
        load(attributes());
        return before == null || !before.equals(token);
    }

    private void load(BasicFileAttributes attributes) {
        String text;
        try {
            byte[] bytes = Files.readAllBytes(file);
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString().strip();
            Arrays.fill(bytes, (byte) 0);
        } catch (CharacterCodingException e) {
            throw new Unreadable(file, "is not UTF-8 text");
        } catch (NoSuchFileException e) {
            throw new Unreadable(file, "does not exist");
        } catch (IOException e) {
            throw new Unreadable(file, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (text.isEmpty()) {
            throw new Unreadable(file, "is empty");
        }
        if (text.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw new Unreadable(file, "must hold one token without whitespace or control characters");
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
            throw new Unreadable(file, "does not exist");
        } catch (IOException e) {
            throw new Unreadable(file, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }
}
