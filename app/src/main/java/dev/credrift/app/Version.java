package dev.credrift.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;
import picocli.CommandLine;

/**
 * credrift's version: from {@code credrift-version.properties}, which Maven fills at build time (present both in the
 * jar and when running from {@code target/classes}), falling back to the jar manifest's Implementation-Version.
 */
public final class Version {

    static final String RESOURCE = "/credrift-version.properties";

    private Version() {}

    public static String current() {
        return fromResource()
                .or(() -> Optional.ofNullable(Version.class.getPackage().getImplementationVersion()))
                .orElse("unknown");
    }

    private static Optional<String> fromResource() {
        try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return Optional.empty();
            }
            Properties properties = new Properties();
            properties.load(in);
            // an unfiltered resource (an IDE build that skipped Maven) still says ${project.version}
            return Optional.ofNullable(properties.getProperty("version"))
                    .filter(v -> !v.isBlank() && !v.startsWith("${"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Feeds {@code credrift --version}. */
    public static final class Provider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {line()};
        }
    }

    /** What {@code credrift version} prints. */
    static String line() {
        return "credrift " + current() + " (Java " + Runtime.version() + ", " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + ")";
    }
}
