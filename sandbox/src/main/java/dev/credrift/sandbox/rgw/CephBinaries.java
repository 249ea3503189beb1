package dev.credrift.sandbox.rgw;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the Ceph programs a {@link RealRgw} runs, on {@code PATH} (and in {@code /usr/bin}, {@code /usr/sbin},
 * where Debian puts them even when a test runner trims {@code PATH}).
 */
public final class CephBinaries {

    /** The Debian line that installs everything needed (Debian 12: Ceph 16.2 "Pacific", ~70 s, 74 MB). */
    public static final String INSTALL_COMMAND =
            "apt-get update && apt-get install -y --no-install-recommends ceph-mon ceph-osd radosgw ceph-common";

    /** A system property: search only these directories ({@code :}-separated) instead of {@code PATH}. */
    public static final String SEARCH_PATH_PROPERTY = "credrift.test.ceph.path";

    static final List<String> PROGRAMS =
            List.of("monmaptool", "ceph-authtool", "ceph-mon", "ceph-osd", "ceph", "radosgw", "radosgw-admin");
    private static final List<String> FALLBACK_DIRECTORIES = List.of("/usr/bin", "/usr/sbin", "/usr/local/bin");

    private final Map<String, Path> paths;

    private CephBinaries(Map<String, Path> paths) {
        this.paths = Map.copyOf(paths);
    }

    /**
     * The programs, or why they cannot be had: the missing names and {@link #INSTALL_COMMAND}.
     */
    public static Optional<String> missingReason() {
        List<String> missing = new ArrayList<>();
        for (String program : PROGRAMS) {
            if (locate(program).isEmpty()) {
                missing.add(program);
            }
        }
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("the real-RGW tier needs the Ceph binaries, but " + String.join(", ", missing)
                + (missing.size() == 1 ? " is" : " are") + " not installed. Install them (Debian 12) with: "
                + INSTALL_COMMAND);
    }

    /**
     * The programs.
     *
     * @throws RealRgwException naming the missing programs and how to install them
     */
    static CephBinaries find() {
        missingReason().ifPresent(reason -> {
            throw new RealRgwException("find Ceph binaries", reason);
        });
        Map<String, Path> found = new LinkedHashMap<>();
        for (String program : PROGRAMS) {
            found.put(program, locate(program).orElseThrow());
        }
        return new CephBinaries(found);
    }

    String path(String program) {
        Path path = paths.get(program);
        if (path == null) {
            throw new IllegalArgumentException("not a Ceph program of the real-RGW tier: " + program);
        }
        return path.toString();
    }

    private static Optional<Path> locate(String program) {
        List<String> directories = new ArrayList<>();
        String only = System.getProperty(SEARCH_PATH_PROPERTY);
        if (only != null) {
            // only these directories: lets a run see how the tier behaves without Ceph on a machine that has it
            directories.addAll(List.of(only.split(File.pathSeparator)));
            return firstExecutable(directories, program);
        }
        String pathVariable = System.getenv("PATH");
        if (pathVariable != null) {
            directories.addAll(List.of(pathVariable.split(File.pathSeparator)));
        }
        directories.addAll(FALLBACK_DIRECTORIES);
        return firstExecutable(directories, program);
    }

    private static Optional<Path> firstExecutable(List<String> directories, String program) {
        for (String directory : directories) {
            if (directory.isBlank()) {
                continue;
            }
            Path candidate = Path.of(directory, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
