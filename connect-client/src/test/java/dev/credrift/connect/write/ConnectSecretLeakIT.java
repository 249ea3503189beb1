package dev.credrift.connect.write;

import static dev.credrift.connect.write.ConnectFixture.ACCESS_KEY_ID;
import static dev.credrift.connect.write.ConnectFixture.ITEM;
import static dev.credrift.connect.write.ConnectFixture.LABELS;
import static dev.credrift.connect.write.ConnectFixture.SECRET;
import static dev.credrift.connect.write.ConnectFixture.TOKEN;
import static dev.credrift.connect.write.ConnectFixture.VAULT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.connect.ConnectException;
import dev.credrift.connect.ItemRef;
import dev.credrift.events.credential.Credential;
import dev.credrift.events.credential.SecretValue;
import dev.credrift.sandbox.logs.LogCapture;
import dev.credrift.sandbox.onepassword.Fault;
import dev.credrift.sandbox.onepassword.ReadAfterWriteLag;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// Drives the client through success and every failure it can meet, then searches everything it
// produced (results, exceptions with stack traces and causes, every log line of client and
// emulator) for the planted values and the token.
class ConnectSecretLeakIT {

    private static final String NEW_SECRET = "NEW-PLANTED-SECRET-0b7c1e";
    private static final String NEW_KEY_ID = "AKIAPLANTEDNEW000042";

    @TempDir
    Path dir;

    @Test
    void shouldNotLeakValuesOrTokenWhenOperationsSucceedAndFail() {
        List<String> produced = new ArrayList<>();
        try (LogCapture logs = LogCapture.asConfigured();
                ConnectFixture world = ConnectFixture.start(dir)) {
            OnePasswordConnectClient client = world.client();
            ItemRef item = client.locateItem(VAULT, ITEM);
            produced.add(item.toString());
            produced.add(client.getItem(item).toString());
            produced.add(client.readCredentialFields(item, LABELS).toString());
            produced.add(client.readFields(item, List.of("secret_key", "notes")).toString());

            world.emulator.readAfterWriteLag(ReadAfterWriteLag.forReads(1));
            produced.add(client.writeCredential(item, LABELS, Credential.of(NEW_KEY_ID, NEW_SECRET))
                    .toString());

            world.emulator.injectFault(Fault.status(400), 1);
            capture(produced, () -> client.patchFields(item, Map.of("secret_key", SecretValue.of(SECRET))));
            for (Fault fault : List.of(
                    Fault.status(403),
                    Fault.status(409),
                    Fault.rateLimited(Duration.ofSeconds(1)),
                    Fault.serverError())) {
                world.emulator.injectFault(fault, 1);
                capture(produced, () -> client.readCredentialFields(item, LABELS));
            }
            world.emulator.readAfterWriteLag(ReadAfterWriteLag.forReads(100));
            capture(produced, () -> client.patchFields(item, Map.of("secret_key", SecretValue.of(SECRET))));
            capture(produced, () -> client.readFields(item, List.of("missing-label")));
            world.writeToken("wrong-" + TOKEN);
            capture(produced, () -> client.getItem(item));
            world.writeToken(TOKEN);

            produced.add(world.emulator.requests().toString());
            produced.add(world.emulator.specViolations().toString());
            produced.addAll(logs.lines());
            assertThat(logs.lines())
                    .as("the scan must see the client's debug lines")
                    .isNotEmpty()
                    .anyMatch(line -> line.contains("ConnectHttp"));
        }
        assertThat(produced).hasSizeGreaterThan(15);
        String everything = String.join("\n", produced);
        for (String planted : List.of(SECRET, NEW_SECRET, TOKEN, ACCESS_KEY_ID, NEW_KEY_ID)) {
            assertThat(everything).as("output containing a planted value").doesNotContain(planted);
        }
    }

    private static void capture(List<String> produced, Runnable call) {
        try {
            call.run();
            throw new AssertionError("expected a ConnectException");
        } catch (ConnectException e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            produced.add(e.toString());
            produced.add(trace.toString());
        }
    }
}
