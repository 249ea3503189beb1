package dev.credrift.sandbox.rgw;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The last lines of a log file, read from its end so that a large log costs nothing. */
final class LogTail {

    private static final int MAX_BYTES = 16 * 1024;

    private LogTail() {}

    /** The last {@code lines} lines of {@code file}, or a note that it is absent or unreadable. */
    static String of(Path file, int lines) {
        if (!Files.isRegularFile(file)) {
            return "(no " + file.getFileName() + ")";
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            int size = (int) Math.min(length, MAX_BYTES);
            byte[] bytes = new byte[size];
            in.seek(length - size);
            in.readFully(bytes);
            List<String> all = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\n"));
            List<String> last = all.subList(Math.max(0, all.size() - lines), all.size());
            return last.isEmpty() ? "(" + file.getFileName() + " is empty)" : String.join("\n", last);
        } catch (IOException e) {
            return "(" + file.getFileName() + " unreadable: " + e.getClass().getSimpleName() + ")";
        }
    }
}
