package dev.credrift.app.roles;

import dev.credrift.events.credential.Fingerprinter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads the fingerprint key file: its bytes as they are (a mounted Secret key), minus one trailing line break an
 * editor may have added. Errors name the file and the size, never the content.
 */
public final class FingerprintKey {

    private FingerprintKey() {}

    public static Fingerprinter load(Path file) {
        byte[] key = read(file, "fingerprintKeyFile", Fingerprinter.MIN_KEY_BYTES);
        try {
            return new Fingerprinter(key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * A key file's bytes without one trailing line break; the caller wipes them after use.
     *
     * @param field    the setting that names the file, for messages
     * @param minBytes the shortest key accepted
     * @throws IllegalArgumentException naming the field, the file and the size, never the content
     */
    public static byte[] read(Path file, String field, int minBytes) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(
                    field + ": cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
        int length = bytes.length;
        if (length > 0 && bytes[length - 1] == '\n') {
            length--;
            if (length > 0 && bytes[length - 1] == '\r') {
                length--;
            }
        }
        byte[] key = Arrays.copyOf(bytes, length);
        Arrays.fill(bytes, (byte) 0);
        if (key.length < minBytes) {
            Arrays.fill(key, (byte) 0);
            throw new IllegalArgumentException(field + ": " + file + " holds " + length + " bytes; at least " + minBytes
                    + " are needed (e.g. head -c 32 /dev/urandom)");
        }
        return key;
    }
}
