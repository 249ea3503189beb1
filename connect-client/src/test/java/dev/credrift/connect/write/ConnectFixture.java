package dev.credrift.connect.write;

import dev.credrift.connect.ConnectClientConfig;
import dev.credrift.connect.CredentialFieldLabels;
import dev.credrift.connect.ReadBackPolicy;
import dev.credrift.sandbox.onepassword.ConnectItem;
import dev.credrift.sandbox.onepassword.OnePasswordConnectEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

// A Connect emulator holding the Loki story's item, a token file for it, and a fast read-back policy.
final class ConnectFixture implements AutoCloseable {

    static final String VAULT = "Infrastructure";
    static final String ITEM = "loki-s3-config";
    static final String ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEPLANTED";
    static final String TOKEN = "eyJhbGciOiJFUzI1NiJ9.PLANTED-CONNECT-TOKEN.sig";
    static final CredentialFieldLabels LABELS = new CredentialFieldLabels("access_key", "secret_key");
    static final ReadBackPolicy FAST_READ_BACK =
            new ReadBackPolicy(6, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(5));

    final OnePasswordConnectEmulator emulator;
    final ConnectItem item;
    final Path tokenFile;

    ConnectFixture(OnePasswordConnectEmulator emulator, Path dir) {
        this.emulator = emulator;
        emulator.createVault(VAULT);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("access_key", ACCESS_KEY_ID);
        fields.put("secret_key", SECRET);
        fields.put("notes", "owned by the observability team");
        this.item = emulator.putItem(VAULT, ITEM, fields);
        this.tokenFile = dir.resolve("token");
        writeToken(emulator.token().reveal());
    }

    static ConnectFixture start(Path dir) {
        return new ConnectFixture(
                OnePasswordConnectEmulator.builder().token(TOKEN).start(), dir);
    }

    ConnectClientConfig config() {
        return ConnectClientConfig.of(emulator.baseUri(), tokenFile)
                // generous: TLS handshakes on a busy two-core CI box can take seconds
                .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(10))
                .withReadBack(FAST_READ_BACK);
    }

    OnePasswordConnectClient client() {
        return OnePasswordConnectClient.create(config());
    }

    void writeToken(String token) {
        try {
            Files.writeString(tokenFile, token + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            emulator.assertResponsesFollowedSpec();
        } finally {
            emulator.close();
        }
    }
}
