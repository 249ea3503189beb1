package dev.credrift.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The image ships exactly the production runtime classpath: the libraries {@code deploy/image/Dockerfile} copies (what
 * the build leaves in the directory it names) are the jars the app jar's manifest {@code Class-Path} lists — the
 * classpath {@code java -jar} loads — and none of them is a test, emulator or broker library.
 */
class ImageLibrariesIT {

    private static final Path REPOSITORY = Path.of("..");
    private static final Path DOCKERFILE = REPOSITORY.resolve("deploy/image/Dockerfile");
    private static final Pattern COPY = Pattern.compile("^COPY\\s+(?:--\\S+\\s+)*(\\S+)\\s+(\\S+)\\s*$");
    /** File-name prefixes of what the enforcer bans from the production classpath (app/pom.xml). */
    private static final List<String> BANNED = List.of(
            "junit",
            "opentest4j",
            "testcontainers",
            "docker-java",
            "kubernetes-server-mock",
            "mockwebserver",
            "s3proxy",
            "kafka_2.13",
            "kafka-server-",
            "scala-",
            "credrift-sandbox",
            "credrift-test-support");

    @Test
    void shouldShipExactlyTheProductionRuntimeClasspathWhenTheImageIsBuilt() throws IOException {
        Path copiedLibraries = REPOSITORY.resolve(copySource("/opt/credrift/lib/"));
        Path copiedJar =
                REPOSITORY.resolve(copySource("/opt/credrift/credrift.jar").replace("${VERSION}", Version.current()));

        Set<String> shipped = fileNames(copiedLibraries);
        Set<String> classPath = manifestClassPath(copiedJar);

        assertThat(shipped)
                .as("jars in %s (what the image copies) vs the Class-Path of %s", copiedLibraries, copiedJar)
                .isNotEmpty()
                .isEqualTo(classPath);
        assertThat(shipped)
                .as("test, emulator and broker libraries")
                .noneMatch(name -> BANNED.stream().anyMatch(name::startsWith));
    }

    /** The source of the Dockerfile's COPY into {@code target}. */
    private static String copySource(String target) throws IOException {
        List<String> sources = Files.readAllLines(DOCKERFILE).stream()
                .map(COPY::matcher)
                .filter(Matcher::matches)
                .filter(copy -> copy.group(2).equals(target))
                .map(copy -> copy.group(1))
                .toList();
        assertThat(sources).as("COPY lines into %s in %s", target, DOCKERFILE).hasSize(1);
        return sources.get(0);
    }

    private static Set<String> fileNames(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static Set<String> manifestClassPath(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            List<String> entries = Arrays.asList(
                    manifest.getMainAttributes().getValue("Class-Path").trim().split("\\s+"));
            assertThat(entries).as("Class-Path of %s", jar).allMatch(entry -> entry.startsWith("lib/"));
            return entries.stream()
                    .map(entry -> entry.substring("lib/".length()))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
