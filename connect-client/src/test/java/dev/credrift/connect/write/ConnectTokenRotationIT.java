package dev.credrift.connect.write;

import static dev.credrift.connect.write.ConnectFixture.ITEM;
import static dev.credrift.connect.write.ConnectFixture.VAULT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.credrift.connect.ConnectClientConfig;
import dev.credrift.connect.ConnectException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectTokenRotationIT {

    @TempDir
    Path dir;

    private ConnectFixture world;
    private OnePasswordConnectClient client;

    @BeforeEach
    void start() {
        world = ConnectFixture.start(dir);
        client = world.client();
        client.locateItem(VAULT, ITEM);
    }

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    void shouldUseNewTokenWhenTokenFileRewritten() {
        world.emulator.rotateToken("second-token-with-another-length");
        world.writeToken("second-token-with-another-length");

        assertThat(client.locateItem(VAULT, ITEM).title()).isEqualTo(ITEM);
        assertThat(world.emulator.requests()).noneMatch(r -> r.status() == 401);
    }

    @Test
    void shouldRereadTokenOnceWhenConnectAnswers401AndFileLooksUnchanged() throws IOException {
        FileTime before = Files.getLastModifiedTime(world.tokenFile);
        String sameLength = ConnectFixture.TOKEN.replace("PLANTED", "ROTATED");
        world.emulator.rotateToken(sameLength);
        world.writeToken(sameLength);
        Files.setLastModifiedTime(world.tokenFile, before); // same size, same mtime: only a 401 reveals it

        assertThat(client.locateItem(VAULT, ITEM).title()).isEqualTo(ITEM);
        assertThat(world.emulator.requests()).anyMatch(r -> r.status() == 401);
    }

    @Test
    void shouldFollowSymlinkSwapWhenMountedSecretUpdates() throws IOException {
        // how kubelet updates a mounted Secret: new ..data dir, then an atomic symlink rename
        Path first = Files.createDirectory(dir.resolve("..data-1"));
        Files.writeString(first.resolve("token"), ConnectFixture.TOKEN);
        Path data = dir.resolve("..data");
        Files.createSymbolicLink(data, first.getFileName());
        Path mounted = dir.resolve("mounted");
        Files.createDirectory(mounted);
        Path link = mounted.resolve("token");
        Files.createSymbolicLink(link, data.resolve("token"));
        OnePasswordConnectClient mountedClient = OnePasswordConnectClient.create(
                ConnectClientConfig.of(world.emulator.baseUri(), link).withReadBack(ConnectFixture.FAST_READ_BACK));
        mountedClient.locateItem(VAULT, ITEM);

        Path second = Files.createDirectory(dir.resolve("..data-2"));
        Files.writeString(second.resolve("token"), "third-token");
        Path swap = dir.resolve("..data-tmp");
        Files.createSymbolicLink(swap, second.getFileName());
        Files.move(swap, data, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        world.emulator.rotateToken("third-token");

        assertThat(mountedClient.locateItem(VAULT, ITEM).title()).isEqualTo(ITEM);
    }

    @Test
    void shouldThrowUnauthorizedWhenConnectRotatedButFileNot() {
        world.emulator.rotateToken("token-the-file-never-got");

        assertThatThrownBy(() -> client.locateItem(VAULT, ITEM))
                .isInstanceOf(ConnectException.Unauthorized.class)
                .hasMessageContaining("vault 'Infrastructure'");
    }

    @Test
    void shouldThrowTokenUnavailableNamingTheFileWhenMissingOrEmpty() throws IOException {
        Files.delete(world.tokenFile);
        assertThatThrownBy(() -> client.locateItem(VAULT, ITEM))
                .isInstanceOf(ConnectException.TokenUnavailable.class)
                .hasMessageContaining(world.tokenFile.toString())
                .hasMessageContaining("does not exist");

        Files.writeString(world.tokenFile, "  \n");
        assertThatThrownBy(() -> client.locateItem(VAULT, ITEM))
                .isInstanceOf(ConnectException.TokenUnavailable.class)
                .hasMessageContaining("is empty");

        Files.writeString(world.tokenFile, "two tokens");
        assertThatThrownBy(() -> client.locateItem(VAULT, ITEM))
                .isInstanceOf(ConnectException.TokenUnavailable.class)
                .hasMessageNotContaining("two tokens");
    }
}
