package dev.credrift.sandbox.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.credrift.sandbox.onepassword.ItemSnapshot;
import dev.credrift.sandbox.world.file.WorldFileReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A world file's 1Password additions in a running world: items with sections seeded as Connect serves them, the
 * {@code onePassword.faults} windows served on the timeline's clock, and the Connect token in a private file of the
 * world's work directory, gone when the world closes.
 */
class WorldOnePasswordIT {

    private static final String WORLD = """
            apiVersion: sandbox.credrift.dev/v1alpha1
            kind: World
            name: onepassword-additions
            store:
              users: [{name: loki}]
            onePassword:
              vaults:
                - name: Infrastructure
                  items:
                    - title: loki-s3-config
                      fields: {access_key: "${storeUser.loki.accessKeyId}"}
                      sections:
                        - label: S3
                          fields: {secret_key: "${storeUser.loki.secretAccessKey}", endpoint: "${s3.endpoint}"}
              faults:
                - {from: 0s, until: 3s, status: 429, retryAfter: 7s, method: GET}
            """;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void shouldSeedSectionsServeFaultWindowsAndKeepTheTokenInAPrivateFileWhenTheWorldRuns() throws Exception {
        Path tokenFile;
        try (World world = World.start(WorldFileReader.parse("onepassword.yaml", WORLD), WorldOptions.worldOnly())) {
            ItemSnapshot item =
                    world.onePassword().snapshot(world.onePassword().item("Infrastructure", "loki-s3-config"));
            assertThat(item.field("access_key"))
                    .hasValueSatisfying(f -> assertThat(f.section()).isEmpty());
            assertThat(item.field("S3", "secret_key"))
                    .hasValueSatisfying(f -> assertThat(f.value().reveal())
                            .isEqualTo(
                                    world.store().keys("loki").get(0).secret().reveal()));
            assertThat(item.field("S3", "endpoint")).isPresent();

            tokenFile = world.onePasswordTokenFile();
            assertThat(tokenFile.getParent()).isEqualTo(world.workDirectory().path());
            assertThat(Files.readString(tokenFile, StandardCharsets.UTF_8))
                    .isEqualTo(world.onePasswordToken().reveal());
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile)))
                    .isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile.getParent())))
                    .isEqualTo("rwx------");

            String token = Files.readString(tokenFile, StandardCharsets.UTF_8);
            assertThat(get(world, "/v1/vaults", token).statusCode())
                    .as("no fault before the timeline")
                    .isEqualTo(200);
            Timeline.of(world.spec()).run(world, new Timeline.Listener() {});
            HttpResponse<String> limited = get(world, "/v1/vaults", token);
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.headers().firstValue("Retry-After")).contains("7");
            assertThat(world.onePassword()
                            .requests()
                            .get(world.onePassword().requests().size() - 1)
                            .faultInjected())
                    .isTrue();
            await().atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> get(world, "/v1/vaults", token).statusCode() == 200);
        }
        assertThat(tokenFile).doesNotExist();
        assertThat(tokenFile.getParent()).doesNotExist();
    }

    private HttpResponse<String> get(World world, String path, String token) throws Exception {
        URI uri = world.onePasswordUrl().resolve(path);
        return http.send(
                HttpRequest.newBuilder(uri)
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
