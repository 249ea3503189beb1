package dev.credrift.sandbox.world;

import dev.credrift.sandbox.world.file.WorldFileReader;
import dev.credrift.sandbox.world.spec.WorldSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The worlds shipped in this jar under {@code worlds/}: the stories of architecture.md §1 that the sandbox can replay.
 * {@code credrift sandbox} without arguments runs them in this order. A world whose store is a real Ceph RGW
 * ({@code story-1-loki-rook-1password-rgw}, {@code story-6-scheduled-rotation-rgw}, {@code -rgw-admin-ops} and
 * {@code -rgw-user}) runs only where the Ceph binaries are installed ({@link dev.credrift.sandbox.world.store.WorldStore#unavailableReason}).
 */
public final class BuiltInWorlds {

    private static final List<String> NAMES = List.of(
            "story-1-loki-rook-1password",
            "story-1-loki-rook-1password-rgw",
            "story-2-tempo-minio",
            "story-3-tls-private-ca",
            "story-3-tls-wrong-ca",
            "story-4-tempo-irsa",
            "story-5-loki-rrsa",
            "story-6-scheduled-rotation",
            "story-6-scheduled-rotation-rgw",
            "story-6-scheduled-rotation-rgw-admin-ops",
            "story-6-scheduled-rotation-rgw-user");

    private BuiltInWorlds() {}

    /** The names, in the order stories are told. */
    public static List<String> names() {
        return NAMES;
    }

    /** The YAML of a built-in world. */
    public static String yaml(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("no built-in world named '" + name + "'; there are " + NAMES);
        }
        String resource = "worlds/" + name + ".yaml";
        try (InputStream in = BuiltInWorlds.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("built-in world " + resource + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read built-in world " + resource, e);
        }
    }

    /** A built-in world, parsed; errors name {@code worlds/<name>.yaml}. */
    public static WorldSpec load(String name) {
        return WorldFileReader.parse("worlds/" + name + ".yaml", yaml(name));
    }
}
