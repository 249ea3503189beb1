package dev.credrift.app.sandbox;

import dev.credrift.events.credential.Credential;
import dev.credrift.sandbox.world.World;
import dev.credrift.sandbox.world.WorldReport;
import dev.credrift.sandbox.world.spec.StoreUserSpec;
import dev.credrift.sandbox.world.spec.VaultSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.assertj.core.api.SoftAssertions;

/**
 * Every credential a running world holds — store keys (whichever store serves it), 1Password field values, the
 * Connect token, STS tokens and keys, MinIO's root password — collected while the world is up, for the ITs that
 * scan every output channel of a sandbox run for them.
 */
final class WorldSecrets {

    /** Shorter strings than this are labels and flags, not credentials; matching them would only find noise. */
    private static final int MIN_SECRET_LENGTH = 8;

    private final Set<String> secrets = new LinkedHashSet<>();

    /** Adds what {@code world} holds now (call it again after the story: rotations make new keys). */
    synchronized void collect(World world) {
        for (StoreUserSpec user : world.spec().store().users()) {
            try {
                for (Credential key : world.objectStore().users().keys(user.name())) {
                    add(key.accessKeyId());
                    add(key.secret().reveal());
                }
            } catch (IllegalArgumentException removed) {
                // a user the timeline removed has no keys left to leak
            }
        }
        for (VaultSpec vault : world.spec().vaults()) {
            for (VaultSpec.Item item : vault.items()) {
                for (String field : item.fields().keySet()) {
                    try {
                        add(world.onePassword()
                                .readField(vault.name(), item.title(), field)
                                .reveal());
                    } catch (IllegalArgumentException missing) {
                        // a field the story deleted
                    }
                }
            }
        }
        add(world.onePasswordToken().reveal());
        // stories 4 and 5: service-account tokens, temporary keys and session tokens
        world.sts().ifPresent(sts -> sts.issuedSecrets().forEach(this::add));
        world.minio().ifPresent(minio -> add(minio.root().secret().reveal()));
        // stories 2 and 6: the service accounts' keys (story 6 mints one and deletes the old one)
        world.minio()
                .ifPresent(minio -> minio.serviceAccounts()
                        .forEach(account -> minio.store()
                                .keys(account.accessKey())
                                .forEach(key -> add(key.secret().reveal()))));
    }

    /**
     * An observer that collects what each world holds when it starts and when its story is over, then hands the
     * finished world to {@code finished} (still up: read what the test needs from it there).
     */
    WorldObserver collecting(BiConsumer<World, WorldReport> finished) {
        return new WorldObserver() {
            @Override
            public void worldStarted(World world) {
                collect(world);
            }

            @Override
            public void worldFinished(World world, WorldReport report) {
                collect(world);
                finished.accept(world, report);
            }
        };
    }

    /** Adds one secret (ignored when too short to be one). */
    synchronized void add(String secret) {
        if (secret != null && secret.length() >= MIN_SECRET_LENGTH) {
            secrets.add(secret);
        }
    }

    /** What was collected. */
    synchronized Set<String> all() {
        return Set.copyOf(secrets);
    }

    /** A run's output channels: stdout, its log lines and the JSON Lines files it wrote to {@code out}. */
    static Map<String, String> outputs(SandboxRun run, Path out) throws IOException {
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("stdout", run.printed());
        outputs.put("log lines", run.logged());
        for (String file : List.of("outcomes.jsonl", "audit.jsonl", "notifications.jsonl")) {
            outputs.put(file, Files.readString(out.resolve(file)));
        }
        return outputs;
    }

    /** Soft-asserts that more than a few credentials were collected and that none appears in any of {@code outputs}. */
    void assertNoneIn(SoftAssertions softly, Map<String, String> outputs) {
        Set<String> collected = all();
        softly.assertThat(collected).as("credentials collected from the world").hasSizeGreaterThan(4);
        outputs.forEach((where, text) -> collected.forEach(secret -> softly.assertThat(text.contains(secret))
                .as("a credential of the world appears in " + where)
                .isFalse()));
    }
}
